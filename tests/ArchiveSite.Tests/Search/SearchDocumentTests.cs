using ArchiveSite.Model;
using ArchiveSite.Search;

namespace ArchiveSite.Tests.Search;

/// <summary>
/// A transcript's source key stands for its documents' text where files are kept by it (display files, the analysis
/// cache), so it must change with everything they are made from that the transcript's own key does not cover.
/// </summary>
public sealed class SearchDocumentTests
{
    static readonly Transcript Sample = new()
    {
        SourcePath = "a.txt",
        Slug = "a",
        Sections = [new Section("Start", 1, [new Turn("ana", null, ["Rest matters."], 2), new Turn("ben", null, ["So does sleep."], 3)])],
    };

    static SearchSource Source(string? key = "processed-1", string title = "Title", string anaName = "Ana Ribeiro", string topic = "Sleep") =>
        new(Sample, title, new Dictionary<string, string> { ["ana"] = anaName, ["ben"] = "Ben Osei" }, [topic], key);

    static string? KeyOf(SearchSource source)
    {
        var documents = SearchDocument.From([source]);
        Assert.All(documents, d => Assert.Equal(documents[0].SourceKey, d.SourceKey));
        return documents[0].SourceKey;
    }

    [Fact]
    public void Documents_without_a_transcript_key_have_no_source_key()
    {
        Assert.Null(KeyOf(Source(key: null)));
    }

    [Fact]
    public void The_same_source_gives_the_same_key()
    {
        Assert.NotNull(KeyOf(Source()));
        Assert.Equal(KeyOf(Source()), KeyOf(Source()));
    }

    public static TheoryData<string> Changes => ["transcript", "title", "speaker name", "topic"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void The_key_changes_with_the_transcript_and_every_name_resolved_outside_it(string change)
    {
        var changed = change switch
        {
            "transcript" => Source(key: "processed-2"),
            "title" => Source(title: "Another title"),
            "speaker name" => Source(anaName: "ANA RIBEIRO"),
            _ => Source(topic: "Rest"),
        };
        Assert.NotEqual(KeyOf(Source()), KeyOf(changed));
    }
}
