using ArchiveSite.Cards;

namespace ArchiveSite.Tests.Cards;

public sealed class CardCacheTests(CardFixture fixture) : IClassFixture<CardFixture>, IDisposable
{
    readonly string folder = Path.Combine(Path.GetTempPath(), "archivesite-card-cache-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Second_request_for_a_card_is_a_hit_that_draws_and_writes_nothing()
    {
        var cache = new CardCache(folder, fixture.Renderer);
        var card = CardFixture.Sample("Draw me once.");

        var first = cache.GetOrDraw(card);
        var written = File.GetLastWriteTimeUtc(first.Path);
        var second = cache.GetOrDraw(card);

        Assert.True(first.Drawn);
        Assert.False(second.Drawn);
        Assert.Equal(first.Path, second.Path);
        Assert.Equal(written, File.GetLastWriteTimeUtc(second.Path));
        Assert.Single(Directory.GetFiles(folder));
    }

    [Fact]
    public void A_hit_reads_back_the_bytes_that_were_drawn()
    {
        var cache = new CardCache(folder, fixture.Renderer);
        var card = CardFixture.Sample("Read me back.");

        var drawn = cache.GetOrDraw(card);
        var hit = cache.GetOrDraw(card);

        Assert.Null(hit.DrawnPng);
        Assert.Equal(drawn.ReadPng(), hit.ReadPng());
        Assert.Equal(fixture.Renderer.RenderPng(card), hit.ReadPng());
    }

    [Fact]
    public void A_new_build_with_freshly_loaded_fonts_reuses_the_cards_of_the_last()
    {
        var card = CardFixture.Sample("Cached across builds.");
        var drawn = new CardCache(folder, fixture.Renderer).GetOrDraw(card);

        using var fonts = CardFonts.Load(CardFixture.ThemeDir);
        using var renderer = new CardRenderer(fonts);
        var again = new CardCache(folder, renderer).GetOrDraw(card);

        Assert.False(again.Drawn);
        Assert.Equal(drawn.Path, again.Path);
    }

    [Fact]
    public void Any_change_to_what_is_drawn_changes_the_key()
    {
        var cache = new CardCache(folder, fixture.Renderer);
        var card = CardFixture.Sample("Same words.");
        QuoteCard[] variants =
        [
            card with { Quote = "Same words!" }, card with { SpeakerName = "Someone" }, card with { Credentials = null },
            card with { TranscriptTitle = "Another" }, card with { SiteName = "Another Site" },
            // Text moved from one field to the next must not collide.
            card with { SpeakerName = "Dr. Ron", Credentials = "Siegel" + card.Credentials },
        ];

        var keys = variants.Select(cache.Key).Append(cache.Key(card)).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(cache.Key(card), cache.Key(card with { }));
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }
}
