using System.Text.Json;
using ArchiveSite.Search;
using ArchiveSite.Tests.Support;
using Jint;

namespace ArchiveSite.Tests.Search;

/// <summary>
/// Top results files (search/tN.js) hold, for each frequent term, the first page of a query of that term alone:
/// the documents the browser's fast path ranks first (the fast path equals lunr, see ShardMergeTests), in its
/// order, with what each result shows; and the browser finds a term's file by the same name.
/// </summary>
[Trait("Category", "Shared")]
public sealed class TopResultsWriterTests
{
    const int Minimum = 3;
    const int DisplayChunk = 2;

    [Fact]
    public void Each_file_holds_the_fast_paths_first_page_of_its_term_alone_and_the_browser_names_it_alike()
    {
        var (scripts, _, tops) = Seed.Value;
        var json = scripts.Engine.Evaluate("""
            (function () {
              var manifest = ArchiveSearch.received.manifest, found = {}
              for (var term in ArchiveSearch.received.top) {
                var query = new lunr.Query(manifest.fields)
                query.term(term, { usePipeline: false, wildcard: lunr.Query.wildcard.NONE })
                var fast = ArchiveSearch.fastSearch(manifest, ArchiveSearch.shardsForQuery(manifest, query), query, 10)
                found[term] = {
                  page: fast.top.map(function (r) {
                    var place = ArchiveSearch.displayOf(ArchiveSearch.received.documents, Number(r.ref))
                    return place.id + "/" + place.turn
                  }),
                  listed: ArchiveSearch.received.top[term].places,
                  path: ArchiveSearch.topResultsPath(ArchiveSearch.received.documents, fast)
                }
              }
              return JSON.stringify(found)
            })()
            """).AsString();
        var found = JsonSerializer.Deserialize<Dictionary<string, Found>>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

        Assert.True(found.Count >= 20, $"the seed should give many frequent terms, got {found.Count}");
        Assert.Contains(found, f => f.Value.Page.Length == 10);
        foreach (var (term, result) in found)
        {
            Assert.True(result.Page.SequenceEqual(result.Listed), $"'{term}': fast path {string.Join(" ", result.Page)}, file {string.Join(" ", result.Listed)}");
            Assert.Equal(TopResultsWriter.TopPath(TopResultsWriter.Name(term)), result.Path);
            Assert.Contains(tops, file => file.Path == result.Path && file.Content.Contains(ScriptData.Json(term), StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Terms_held_by_fewer_documents_than_the_minimum_and_the_empty_term_get_no_file()
    {
        var (scripts, source, _) = Seed.Value;
        var listed = scripts.Engine.Evaluate("Object.keys(ArchiveSearch.received.top).join('\\n')").AsString().Split('\n').ToHashSet();
        var frequent = source.Terms
            .Where(t => t.Term.Length > 0)
            .Where(t => t.PostingsByField.SelectMany(postings => postings.Select(p => p.Document)).Distinct().Count() >= Minimum)
            .Select(t => t.Term).ToHashSet();
        Assert.Equal(frequent.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.True(frequent.Count < source.Terms.Count, "some seed terms should be rarer than the minimum");
    }

    [Fact]
    public void Each_listed_result_shows_its_documents_page_title_anchor_speaker_section_and_text()
    {
        var documents = SearchDocument.FromTranscripts([SeedTranscript()]);
        var files = TopResultsWriter.Write(SearchOutput.Source(documents), documents, 10, Minimum, DisplayChunk);
        var name = DisplayWriter.Names([documents[0].Page])[0];
        var checkedTurns = 0;
        foreach (var file in files)
        {
            var payload = file.Content[(file.Content.IndexOf(",{", StringComparison.Ordinal) + 1)..file.Content.LastIndexOf(");", StringComparison.Ordinal)];
            foreach (var entry in JsonDocument.Parse(payload).RootElement.EnumerateObject())
            {
                var numbers = entry.Value.GetProperty("places").EnumerateArray().Select(p => DocumentAt(p.GetString()!)).ToArray();
                var turns = entry.Value.GetProperty("turns").EnumerateArray().Select(t => t.EnumerateArray().Select(s => s.GetString()!).ToArray()).ToArray();
                Assert.Equal(numbers.Length, turns.Length);
                for (var i = 0; i < numbers.Length; i++, checkedTurns++)
                {
                    var d = documents[numbers[i]];
                    Assert.Equal([d.Page, d.TranscriptTitle, d.Anchor, d.Speaker, d.Section, d.Text], turns[i]);
                }
            }
        }
        Assert.True(checkedTurns >= 100, $"expected many listed results, got {checkedTurns}");

        // The seed is one transcript: place "N-C/T" is its turn C * chunk + T.
        int DocumentAt(string place)
        {
            var match = System.Text.RegularExpressions.Regex.Match(place, "^([0-9]+)-([0-9]+)/([0-9]+)$");
            Assert.True(match.Success, $"'{place}' is not a display place");
            Assert.Equal(name, int.Parse(match.Groups[1].Value));
            return int.Parse(match.Groups[2].Value) * DisplayChunk + int.Parse(match.Groups[3].Value);
        }
    }

    [Fact]
    public void A_turn_added_to_another_transcript_renumbers_documents_but_keeps_the_files_whose_results_stay()
    {
        var seed = SeedTranscript();
        var other = seed with { Slug = "zz-other", Title = "Another transcript" };
        var documents = SearchDocument.FromTranscripts([seed, other]);
        var first = TopResultsWriter.Write(SearchOutput.Source(documents), documents, 10, Minimum, DisplayChunk);
        var keys = first.ToDictionary(f => f.Path, f => f.Key);

        // A turn added at the end of the transcript that sorts first renumbers every document of the other.
        var last = seed.Sections[^1];
        var grown = seed with { Sections = [.. seed.Sections.SkipLast(1), last with { Turns = [.. last.Turns, last.Turns[0] with { Paragraphs = ["Zyxwv qwerty."] }] }] };
        Assert.True(string.CompareOrdinal(seed.Slug, other.Slug) < 0);
        var renumbered = SearchDocument.FromTranscripts([grown, other]);
        var remade = TopResultsWriter.Write(SearchOutput.Source(renumbered), renumbered, 10, Minimum, DisplayChunk, (path, key) => keys.TryGetValue(path, out var old) && old == key);
        Assert.True(4 * remade.Count < first.Count, $"files whose results stay should be kept, {remade.Count} of {first.Count} made again");
    }

    [Fact]
    public void A_rebuild_keeps_the_files_whose_results_and_their_display_are_unchanged()
    {
        var documents = SearchDocument.FromTranscripts([SeedTranscript()]);
        var first = TopResultsWriter.Write(SearchOutput.Source(documents), documents, 10, Minimum, DisplayChunk);
        var keys = first.ToDictionary(f => f.Path, f => f.Key);
        Assert.All(first, f => Assert.False(string.IsNullOrEmpty(f.Key)));

        var again = TopResultsWriter.Write(SearchOutput.Source(documents), documents, 10, Minimum, DisplayChunk, (path, key) => keys[path] == key);
        Assert.Empty(again);

        // A new speaker name for the first turn changes what it shows and its speaker terms' weights: the files
        // listing it or ranking those terms are made again, the others kept.
        var changed = documents.Select(d => d.Id == 0 ? d with { Speaker = d.Speaker + " Jr" } : d).ToArray();
        var remade = TopResultsWriter.Write(SearchOutput.Source(changed), changed, 10, Minimum, DisplayChunk, (path, key) => keys.TryGetValue(path, out var old) && old == key);
        Assert.NotEmpty(remade);
        Assert.True(remade.Count < first.Count, $"only some files should be made again, got {remade.Count} of {first.Count}");
    }

    [Fact]
    public void With_source_keys_a_file_is_made_again_when_a_listed_turns_transcript_key_changes_and_kept_otherwise()
    {
        var documents = SearchDocument.FromTranscripts([SeedTranscript()]).Select(d => d with { SourceKey = "seed 1" }).ToArray();
        var source = SearchOutput.Source(documents);
        var keys = TopResultsWriter.Write(source, documents, 10, Minimum, DisplayChunk).ToDictionary(f => f.Path, f => f.Key);

        // The key stands for the text: the same key keeps every file without reading the turns.
        var sameKey = documents.Select(d => d with { Text = "Not read." }).ToArray();
        Assert.Empty(TopResultsWriter.Write(source, sameKey, 10, Minimum, DisplayChunk, (path, key) => keys[path] == key));

        var newKey = documents.Select(d => d with { SourceKey = "seed 2" }).ToArray();
        Assert.Equal(keys.Count, TopResultsWriter.Write(source, newKey, 10, Minimum, DisplayChunk, (path, key) => keys[path] == key).Count);
    }

    [Theory]
    [InlineData("empathi")]
    [InlineData("café")]
    [InlineData("ΟΔΟΣ")]
    [InlineData("😀x")]
    public void The_browser_and_the_writer_name_a_terms_file_alike(string term)
    {
        var scripts = Seed.Value.Scripts;
        scripts.Engine.SetValue("__term", term);
        var path = scripts.Engine.Evaluate("ArchiveSearch.topResultsPath({ top: 0 }, { terms: [__term], total: 1 })").AsString();
        Assert.Equal(TopResultsWriter.TopPath(TopResultsWriter.Name(term)), path);
        Assert.Matches("^search/t[0-9a-f]{8}\\.js$", path);
    }

    [Fact]
    public void A_query_of_several_terms_or_too_few_results_has_no_top_file()
    {
        var scripts = Seed.Value.Scripts;
        Assert.True(scripts.Engine.Evaluate("ArchiveSearch.topResultsPath({ top: 3 }, { terms: ['a', 'b'], total: 9 })").IsNull());
        Assert.True(scripts.Engine.Evaluate("ArchiveSearch.topResultsPath({ top: 3 }, { terms: ['a'], total: 2 })").IsNull());
    }

    sealed record Found(string[] Page, string[] Listed, string Path);

    static ArchiveSite.Model.Transcript SeedTranscript() =>
        ArchiveSite.Ingest.TranscriptReader.Read("000_6031f5502a71255c.txt", File.ReadAllBytes(RepoPaths.SharedFile("seeds/000_6031f5502a71255c.txt")));

    /// <summary>The seed's shards, display layout and top results files (terms in at least <see cref="Minimum"/> turns), run in Jint.</summary>
    static readonly Lazy<(SearchScripts Scripts, ShardSource Source, IReadOnlyList<SearchFile> Tops)> Seed = new(() =>
    {
        var documents = SearchDocument.FromTranscripts([SeedTranscript()]);
        var source = SearchOutput.Source(documents);
        var tops = TopResultsWriter.Write(source, documents, 10, Minimum, DisplayChunk);
        var scripts = new SearchScripts();
        scripts.Run(new ShardWriter(2_000).Write(source));
        scripts.Run(DisplayWriter.Write(documents, DisplayChunk, topResultsMinimum: Minimum));
        scripts.Run(tops);
        return (scripts, source, tops);
    });
}
