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

    /// <summary>The display name of a transcript by slug (a hash of its page: stable, so tests compute it).</summary>
    static int NameOf(string slug) => DisplayWriter.Names([$"transcripts/{slug}.html"])[0];

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

        var fromCSharp = new ShardWriter(100).Write(ShardSource.FromIndex(SearchOutput.BuildIndex(documents)));
        var fromCSharpByTerm = SearchOutput.Shards(documents, new SearchOptions(ShardBytes: 100));
        var fromLunrJs = new ShardWriter(100).Write(ShardSource.FromLunrJson(lunrJson));

        Assert.True(fromCSharp.Count > 3);
        Assert.Equal(fromLunrJs, fromCSharp);
        Assert.Equal(fromLunrJs, fromCSharpByTerm);
    }

    [Fact]
    public void Transcript_text_cannot_break_out_of_a_script_file()
    {
        var files = SearchOutput.Build([Sample()]);
        var name = NameOf("week-110-day-5");
        var display = files.Single(f => f.Path == $"search/d{name}-0.js").Content;
        Assert.DoesNotContain("<b>", display);
        Assert.DoesNotContain("\u2028", display);
        Assert.StartsWith($"ArchiveSearch.loaded(\"display\",\"{name}-0\",{{", display);

        var scripts = new SearchScripts();
        scripts.Run(files);
        Assert.Equal("Marsha Linehan said <b>this</b> & \"that\" \u2028 end.",
            scripts.Engine.Evaluate($"ArchiveSearch.received.display['{name}-0'].turns[1][3]").AsString());
    }

    [Fact]
    public void Files_are_the_manifest_shards_display_chunks_and_facets_and_are_deterministic()
    {
        var first = SearchOutput.Build([Sample()], new SearchOptions(ShardBytes: 50, DisplayChunk: 2));
        var second = SearchOutput.Build([Sample()], new SearchOptions(ShardBytes: 50, DisplayChunk: 2));
        Assert.Equal(first, second);
        Assert.Equal("search/manifest.js", first[0].Path);
        Assert.Contains(first, f => f.Path == "search/s1.js");
        var name = NameOf("week-110-day-5");
        Assert.Equal([$"search/d{name}-0.js", $"search/d{name}-1.js", "search/documents.js"], first.Where(f => f.Path.StartsWith("search/d")).Select(f => f.Path));
        Assert.Contains("\"speakers\":[\"Kelly McGonigal\",\"Ron Siegel\",\"unknown-person\"]", first.Single(f => f.Path == "search/facets.js").Content);
    }

    [Fact]
    public void Display_files_are_named_per_transcript_so_a_change_to_one_leaves_the_others_alone()
    {
        var other = Sample() with { Slug = "a-first", Title = "First" };
        var before = SearchOutput.Build([other, Sample()], new SearchOptions(DisplayChunk: 2));
        var longer = other with { Sections = [.. other.Sections, new Section("Added", 20, [new Turn("ron-siegel", null, ["More words."], 21)])] };
        var after = SearchOutput.Build([longer, Sample()], new SearchOptions(DisplayChunk: 2));

        var changed = after.Where(f => f.Path.StartsWith("search/d") && !before.Contains(f)).Select(f => f.Path).Order();
        Assert.Equal([$"search/d{NameOf("a-first")}-1.js", "search/documents.js"], changed);
    }

    [Fact]
    public void Adding_a_transcript_that_sorts_first_leaves_the_others_display_files_as_they_were()
    {
        var options = new SearchOptions(DisplayChunk: 2);
        var existing = new[] { Sample(), Sample() with { Slug = "middle", Title = "Middle" } };
        var before = DisplayFiles(SearchOutput.Build(existing, options));
        var after = DisplayFiles(SearchOutput.Build([Sample() with { Slug = "a-first", Title = "First" }, .. existing], options));

        Assert.Equal(4, before.Count);
        Assert.All(before, f => Assert.Contains(f, after));
        var added = $"search/d{NameOf("a-first")}-";
        Assert.Equal([added + "0.js", added + "1.js"], after.Except(before).Select(f => f.Path).Order());

        static List<SearchFile> DisplayFiles(IReadOnlyList<SearchFile> files) =>
            [.. files.Where(f => f.Path.StartsWith("search/d") && f.Path != DisplayWriter.DocumentsPath)];
    }

    [Fact]
    public void Transcripts_whose_names_collide_get_distinct_names_and_the_earlier_keeps_its_own()
    {
        var pages = Enumerable.Range(0, 2000).Select(n => $"transcripts/t{n}.html").ToArray();
        var names = DisplayWriter.Names(pages);
        Assert.Equal(pages.Length, names.Distinct().Count());
        var collided = Enumerable.Range(1, pages.Length - 1).First(t => names[t] != DisplayWriter.Names([pages[t]])[0]);
        var home = DisplayWriter.Names([pages[collided]])[0];
        Assert.Contains(home, names[..collided]);
    }

    [Fact]
    public void The_browser_finds_the_display_file_of_every_transcript_among_hundreds()
    {
        var transcripts = Enumerable.Range(0, 300).Select(n => Sample() with { Slug = $"t{n:D3}" }).ToArray();
        var files = SearchOutput.Build(transcripts, new SearchOptions(DisplayChunk: 2));
        Assert.DoesNotContain("\\", files.Single(f => f.Path == DisplayWriter.DocumentsPath).Content);
        var scripts = new SearchScripts();
        scripts.Run(files);
        var documents = SearchDocument.FromTranscripts(transcripts);
        var names = DisplayWriter.Names([.. transcripts.Select(t => $"transcripts/{t.Slug}.html")]);
        for (var d = 0; d < documents.Count; d += 3)
        {
            var id = scripts.Engine.Evaluate($"ArchiveSearch.displayOf(ArchiveSearch.received.documents, {d}).id").AsString();
            Assert.Equal($"{names[d / 3]}-0", id);
            Assert.Equal(documents[d].Page, scripts.Engine.Evaluate($"ArchiveSearch.received.display['{id}'].page").AsString());
        }
    }

    [Theory]
    [InlineData(0, "a-first", 0, 0)]
    [InlineData(1, "a-first", 0, 1)]
    [InlineData(2, "a-first", 1, 0)]
    [InlineData(3, "week-110-day-5", 0, 0)]
    [InlineData(5, "week-110-day-5", 1, 0)]
    public void The_browser_finds_each_documents_display_file_and_turn(int document, string slug, int chunk, int turn)
    {
        var file = $"{NameOf(slug)}-{chunk}";
        var files = SearchOutput.Build([Sample() with { Slug = "a-first" }, Sample()], new SearchOptions(DisplayChunk: 2));
        var scripts = new SearchScripts();
        scripts.Run(files);
        var at = scripts.Engine.Evaluate($"JSON.stringify(ArchiveSearch.displayOf(ArchiveSearch.received.documents, {document}))").AsString();
        Assert.Equal($"{{\"id\":\"{file}\",\"turn\":{turn}}}", at);
        Assert.Contains(files, f => f.Path == $"search/d{file}.js");
        var url = scripts.Engine.Evaluate($"(function () {{ var d = ArchiveSearch.received.display['{file}']; return d.page + '#' + d.turns[{turn}][0] }})()").AsString();
        Assert.Equal(SearchDocument.FromTranscripts([Sample() with { Slug = "a-first" }, Sample()])[document].Url, url);
    }
}
