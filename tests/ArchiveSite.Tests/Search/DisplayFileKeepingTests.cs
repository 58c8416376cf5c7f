using System.Text;
using ArchiveSite.Output;
using ArchiveSite.Search;

namespace ArchiveSite.Tests.Search;

/// <summary>
/// Display files are kept from the last build when their key (everything their bytes are made from) is the
/// same, and made again otherwise; the site must come out as a clean build would make it.
/// </summary>
public sealed class DisplayFileKeepingTests : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("archivesite-display-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>Five turns each (three display files of two turns), transcripts in the order given.</summary>
    static List<SearchDocument> Documents(params string[] pages) =>
    [
        .. pages.SelectMany(page => Enumerable.Range(1, 5).Select(n => (Page: page, N: n))).Select((turn, id) => new SearchDocument(id, turn.Page,
            $"t-{turn.N}", "Title of " + turn.Page, turn.N % 2 == 0 ? "Ana" : "Ben", turn.N <= 2 ? "" : "Later",
            $"Turn {turn.N} of {turn.Page}.", ["sleep"])),
    ];

    static string DisplayPrefix(string page) => $"search/d{DisplayWriter.Names([page])[0]}-";

    /// <summary>Builds the display files into the output folder through <see cref="StagedOutput"/>, as the search step does; returns the paths made.</summary>
    List<string> Build(IReadOnlyList<SearchDocument> documents, int chunkSize = 2)
    {
        using var output = new StagedOutput(Path.Combine(_root, "output"), Path.Combine(_root, "manifest.json"));
        var files = DisplayWriter.Write(documents, chunkSize, output.TryKeep);
        foreach (var file in files)
            output.Write(file.Path, Encoding.UTF8.GetBytes(file.Content), file.Key);
        output.Commit();
        return [.. files.Select(f => f.Path).Where(IsChunk).Order(StringComparer.Ordinal)];
    }

    static bool IsChunk(string path) => path != DisplayWriter.DocumentsPath && path != DisplayWriter.FacetsPath;

    void AssertOutputIsCleanBuildOf(IReadOnlyList<SearchDocument> documents, int chunkSize = 2)
    {
        var clean = DisplayWriter.Write(documents, chunkSize);
        var output = Path.Combine(_root, "output");
        Assert.Equal(clean.Select(f => f.Path).Order(StringComparer.Ordinal),
            Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f)).Order(StringComparer.Ordinal));
        foreach (var file in clean)
            Assert.Equal(file.Content, File.ReadAllText(Path.Combine(output, file.Path)));
    }

    [Fact]
    public void A_rebuild_after_one_transcript_changed_makes_only_its_display_files_and_equals_a_clean_build()
    {
        string[] pages = ["transcripts/a.html", "transcripts/b.html", "transcripts/c.html"];
        Assert.Equal(9, Build(Documents(pages)).Count);

        Assert.Empty(Build(Documents(pages)));

        var changed = Documents(pages);
        changed[5 + 3] = changed[5 + 3] with { Text = "Edited words." };
        var made = Build(changed);

        Assert.Equal([DisplayPrefix(pages[1]) + "1.js"], made);
        AssertOutputIsCleanBuildOf(changed);
    }

    public static TheoryData<string> TurnFields => ["anchor", "speaker", "section", "text"];

    [Theory]
    [MemberData(nameof(TurnFields))]
    public void A_change_of_any_field_of_a_turn_makes_its_display_file_again(string field)
    {
        string[] pages = ["transcripts/a.html", "transcripts/b.html"];
        Build(Documents(pages));

        var changed = Documents(pages);
        changed[5 + 4] = field switch
        {
            "anchor" => changed[5 + 4] with { Anchor = "t-50" },
            "speaker" => changed[5 + 4] with { Speaker = "Cy" },
            "section" => changed[5 + 4] with { Section = "Elsewhere" },
            _ => changed[5 + 4] with { Text = "Other words." },
        };
        var made = Build(changed);

        Assert.Equal([DisplayPrefix(pages[1]) + "2.js"], made);
        AssertOutputIsCleanBuildOf(changed);
    }

    [Fact]
    public void A_new_title_makes_every_display_file_of_its_transcript_again()
    {
        string[] pages = ["transcripts/a.html", "transcripts/b.html"];
        Build(Documents(pages));

        var changed = Documents(pages).Select(d => d.Page == pages[1] ? d with { TranscriptTitle = "Another title" } : d).ToList();
        var made = Build(changed);

        Assert.Equal([.. Enumerable.Range(0, 3).Select(c => $"{DisplayPrefix(pages[1])}{c}.js")], made);
        AssertOutputIsCleanBuildOf(changed);
    }

    [Fact]
    public void A_new_chunk_size_makes_every_display_file_again_even_where_the_path_is_the_same()
    {
        string[] pages = ["transcripts/a.html"];
        Build(Documents(pages), chunkSize: 2);

        var made = Build(Documents(pages), chunkSize: 3);

        Assert.Equal([DisplayPrefix(pages[0]) + "0.js", DisplayPrefix(pages[0]) + "1.js"], made);
        AssertOutputIsCleanBuildOf(Documents(pages), chunkSize: 3);
    }

    [Fact]
    public void A_transcript_that_takes_over_another_transcripts_display_name_gets_its_own_files()
    {
        // Two pages whose names collide: the later one (in page order) loses its name to the earlier.
        var pages = Enumerable.Range(0, 2000).Select(n => $"transcripts/t{n}.html").ToArray();
        var names = DisplayWriter.Names(pages);
        var loser = Enumerable.Range(1, pages.Length - 1).First(t => names[t] != DisplayWriter.Names([pages[t]])[0]);
        var winner = Array.IndexOf(names, DisplayWriter.Names([pages[loser]])[0]);
        Build(Documents(pages[loser]));

        var made = Build(Documents(pages[winner], pages[loser]));

        Assert.Equal(6, made.Count);
        Assert.Contains(DisplayPrefix(pages[loser]) + "0.js", made);
        AssertOutputIsCleanBuildOf(Documents(pages[winner], pages[loser]));
    }

    /// <summary>As <see cref="Documents"/>, each transcript's documents carrying a source key made of its page and <paramref name="version"/>.</summary>
    static List<SearchDocument> KeyedDocuments(string version, params string[] pages) =>
        [.. Documents(pages).Select(d => d with { SourceKey = d.Page + "@" + version })];

    [Fact]
    public void With_source_keys_a_rebuild_makes_only_the_display_files_of_the_transcript_whose_key_changed()
    {
        string[] pages = ["transcripts/a.html", "transcripts/b.html", "transcripts/c.html"];
        Assert.Equal(9, Build(KeyedDocuments("1", pages)).Count);

        Assert.Empty(Build(KeyedDocuments("1", pages)));

        var changed = KeyedDocuments("1", pages).Select(d => d.Page == pages[2] ? d with { Text = "Edited words.", SourceKey = "edited" } : d).ToList();
        var made = Build(changed);

        Assert.Equal([.. Enumerable.Range(0, 3).Select(c => $"{DisplayPrefix(pages[2])}{c}.js")], made);
        AssertOutputIsCleanBuildOf(changed);
    }

    [Fact]
    public void With_source_keys_the_key_alone_decides_so_turn_text_is_not_read_for_a_kept_file()
    {
        string[] pages = ["transcripts/a.html"];
        Build(KeyedDocuments("1", pages));

        Assert.Empty(Build([.. KeyedDocuments("1", pages).Select(d => d with { Text = "Text the key does not cover." })]));
        Assert.Equal(2, Build([.. KeyedDocuments("1", pages).Select(d => d with { Text = "Text the key does not cover." })], chunkSize: 3).Count);
    }
}
