using ArchiveSite.Cards;
using ArchiveSite.Output;

namespace ArchiveSite.Tests.Cards;

public sealed class CardOutputTests(CardFixture fixture) : IClassFixture<CardFixture>, IDisposable
{
    readonly string root = Path.Combine(Path.GetTempPath(), "archivesite-card-output-" + Guid.NewGuid().ToString("N"));

    string Output => Path.Combine(root, "site");
    string Manifest => Path.Combine(root, "cache", "manifest.json");

    static readonly (string Path, QuoteCard Card)[] Cards =
    [
        ("cards/a.png", CardFixture.Sample("Draw me once.")),
        ("cards/b.png", CardFixture.Sample("Draw me once, too.")),
        ("cards/c.png", CardFixture.Sample("Мы говорили о памяти.")),
    ];

    /// <returns>How many cards the build drew.</returns>
    int Build(IReadOnlyList<(string Path, QuoteCard Card)> cards, CardRenderer? renderer = null)
    {
        using var output = new StagedOutput(Output, Manifest);
        var drawn = CardOutput.Write(cards, renderer ?? fixture.Renderer, output);
        output.Commit();
        return drawn;
    }

    Dictionary<string, DateTime> WriteTimes() =>
        Cards.ToDictionary(c => c.Path, c => File.GetLastWriteTimeUtc(Path.Combine(Output, c.Path)));

    [Fact]
    public void A_cold_build_draws_every_card_into_the_output_and_nowhere_else()
    {
        Assert.Equal(Cards.Length, Build(Cards));

        foreach (var (path, card) in Cards)
            Assert.Equal(fixture.Renderer.RenderPng(card), File.ReadAllBytes(Path.Combine(Output, path)));
        Assert.Equal(Cards.Length, Directory.GetFiles(root, "*.png", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void A_rebuild_with_nothing_changed_draws_nothing_and_leaves_every_card_file_alone()
    {
        Build(Cards);
        var before = WriteTimes();

        Assert.Equal(0, Build(Cards));
        Assert.Equal(before, WriteTimes());
    }

    [Fact]
    public void A_new_build_with_freshly_loaded_fonts_keeps_the_cards_of_the_last()
    {
        Build(Cards);
        using var fonts = CardFonts.Load(CardFixture.ThemeDir);
        using var renderer = new CardRenderer(fonts);

        Assert.Equal(0, Build(Cards, renderer));
    }

    [Fact]
    public void A_changed_quote_redraws_only_its_own_card()
    {
        Build(Cards);
        var before = WriteTimes();
        var changed = Cards.ToArray();
        changed[1] = (changed[1].Path, changed[1].Card with { Quote = "Drawn again." });

        Assert.Equal(1, Build(changed));
        Assert.Equal(fixture.Renderer.RenderPng(changed[1].Card), File.ReadAllBytes(Path.Combine(Output, "cards/b.png")));
        var after = WriteTimes();
        Assert.Equal(before["cards/a.png"], after["cards/a.png"]);
        Assert.Equal(before["cards/c.png"], after["cards/c.png"]);
    }

    [Fact]
    public void A_card_file_damaged_or_deleted_by_hand_is_drawn_again()
    {
        Build(Cards);
        File.WriteAllBytes(Path.Combine(Output, "cards/a.png"), [1, 2, 3]);
        File.Delete(Path.Combine(Output, "cards/c.png"));

        Assert.Equal(2, Build(Cards));
        foreach (var (path, card) in Cards)
            Assert.Equal(fixture.Renderer.RenderPng(card), File.ReadAllBytes(Path.Combine(Output, path)));
    }

    [Fact]
    public void Without_a_staged_output_every_card_is_drawn()
    {
        var writer = new MemoryWriter();

        Assert.Equal(Cards.Length, CardOutput.Write(Cards, fixture.Renderer, writer));
        Assert.Equal(Cards.Select(c => c.Path).Order(), writer.Files.Keys.Order());
    }

    [Fact]
    public void Any_change_to_what_is_drawn_changes_the_key()
    {
        var renderer = fixture.Renderer;
        var card = CardFixture.Sample("Same words.");
        QuoteCard[] variants =
        [
            card with { Quote = "Same words!" }, card with { SpeakerName = "Someone" }, card with { Credentials = null },
            card with { TranscriptTitle = "Another" }, card with { SiteName = "Another Site" },
            // Text moved from one field to the next must not collide.
            card with { SpeakerName = "Dr. Ron", Credentials = "Siegel" + card.Credentials },
        ];

        var keys = variants.Select(renderer.Key).Append(renderer.Key(card)).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(renderer.Key(card), renderer.Key(card with { }));
    }

    sealed class MemoryWriter : IOutputWriter
    {
        public System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> Files { get; } = new();

        public void Write(string relativePath, ReadOnlySpan<byte> bytes) => Files[relativePath] = bytes.ToArray();
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
            Directory.Delete(root, recursive: true);
    }
}
