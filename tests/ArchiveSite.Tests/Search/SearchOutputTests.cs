using ArchiveSite.Model;
using ArchiveSite.Search;
using Jint;

namespace ArchiveSite.Tests.Search;

public sealed class SearchOutputTests
{
    static Transcript Sample() => new()
    {
        SourcePath = "a.txt",
        Slug = "week-110-day-5",
        Title = "Critical Insights",
        Topics = ["empathy", "neuroscience"],
        Speakers = [new Speaker("ron-siegel", "Ron Siegel", "PsyD", ["Dr. Siegel"]), new Speaker("kelly-mcgonigal", "Kelly McGonigal", "PhD", ["Dr. McGonigal"])],
        Sections =
        [
            new Section(null, 1, [new Turn("ron-siegel", null, ["Pacing matters.", "The insula lights up."], 3)]),
            new Section("How Empathy Can Help", 10, [
                new Turn("kelly-mcgonigal", null, ["Marsha Linehan said <b>this</b> & \"that\" \u2028 end."], 11),
                new Turn("unknown-person", null, ["Self-recrimination."], 14)]),
        ],
    };

    [Fact]
    public void One_document_per_turn_with_its_page_anchor_and_fields()
    {
        var documents = SearchDocument.FromTranscripts([Sample()]);
        Assert.Equal(["transcripts/week-110-day-5.html#t-1", "transcripts/week-110-day-5.html#t-2", "transcripts/week-110-day-5.html#t-3"],
            documents.Select(d => d.Url));
        Assert.Equal([0, 1, 2], documents.Select(d => d.Id));
        Assert.Equal("Ron Siegel", documents[0].Speaker);
        Assert.Equal("Pacing matters.\n\nThe insula lights up.", documents[0].Text);
        Assert.Equal("How Empathy Can Help", documents[1].Section);
        Assert.Equal("unknown-person", documents[2].Speaker);
        Assert.Equal("empathy, neuroscience", documents[2].FieldValues()["topics"]);
    }

    [Fact]
    public void Shards_of_the_csharp_index_equal_shards_of_the_lunr_js_index()
    {
        var documents = SearchDocument.FromTranscripts([Sample(), Sample() with { Slug = "other", Title = "Empathy in Practice" }]);
        var scripts = new SearchScripts();
        var lunrJson = scripts.BuildWithLunrJs(documents.Select(d => d.FieldValues()).ToArray(),
            SearchDocument.Fields.Select(f => (f.Name, (int)f.Boost)).ToArray());

        var fromCSharp = new ShardWriter(100).Write(ShardSource.FromIndex(SearchOutput.BuildIndex(documents)), 4);
        var fromLunrJs = new ShardWriter(100).Write(ShardSource.FromLunrJson(lunrJson), 4);

        Assert.True(fromCSharp.Count > 3);
        Assert.Equal(fromLunrJs, fromCSharp);
    }

    [Fact]
    public void Transcript_text_cannot_break_out_of_a_script_file()
    {
        var files = SearchOutput.Build([Sample()]);
        var display = files.Single(f => f.Path == "search/d0.js").Content;
        Assert.DoesNotContain("<b>", display);
        Assert.DoesNotContain("\u2028", display);
        Assert.StartsWith("ArchiveSearch.loaded(\"display\",0,{", display);

        var scripts = new SearchScripts();
        scripts.Run(files);
        Assert.Equal("Marsha Linehan said <b>this</b> & \"that\" \u2028 end.",
            scripts.Engine.Evaluate("ArchiveSearch.received.display[0].turns[1][4]").AsString());
    }

    [Fact]
    public void Files_are_the_manifest_shards_display_chunks_and_facets_and_are_deterministic()
    {
        var first = SearchOutput.Build([Sample()], new SearchOptions(ShardBytes: 50, DisplayChunk: 2));
        var second = SearchOutput.Build([Sample()], new SearchOptions(ShardBytes: 50, DisplayChunk: 2));
        Assert.Equal(first, second);
        Assert.Equal("search/manifest.js", first[0].Path);
        Assert.Contains(first, f => f.Path == "search/s1.js");
        Assert.Equal(["search/d0.js", "search/d1.js"], first.Where(f => f.Path.StartsWith("search/d")).Select(f => f.Path));
        Assert.Contains("\"speakers\":[\"Kelly McGonigal\",\"Ron Siegel\",\"unknown-person\"]", first.Single(f => f.Path == "search/facets.js").Content);
    }
}
