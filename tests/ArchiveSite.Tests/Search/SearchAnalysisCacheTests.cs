using ArchiveSite.Model;
using ArchiveSite.Search;

namespace ArchiveSite.Tests.Search;

public sealed class SearchAnalysisCacheTests : IDisposable
{
    readonly string _cache = Directory.CreateTempSubdirectory("archivesite-search-cache-").FullName;
    static readonly SearchOptions Options = new(ShardBytes: 200, DisplayChunk: 2);

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    static Transcript Talk(string slug, string title, params string[] turns) => new()
    {
        SourcePath = slug + ".txt",
        Slug = slug,
        Title = title,
        Topics = ["empathy"],
        Speakers = [new Speaker("ron-siegel", "Ron Siegel", "PsyD", [])],
        Sections = [new Section("Opening", 1, [.. turns.Select((text, i) => new Turn("ron-siegel", null, [text], i + 2))])],
    };

    static readonly Transcript[] Archive =
    [
        Talk("b-pacing", "Pacing", "Pacing matters when the insula lights up.", "Willingness, not recrimination."),
        Talk("c-insula", "The Insula", "Café au lait and the insula's ΣΑΣ.", "Marsha Linehan on willingness."),
        Talk("d-practice", "Practice", "Compassion practice, every day.", "Practising compassion; pacing again."),
    ];

    IReadOnlyList<SearchFile> ShardsWithCache(IEnumerable<Transcript> transcripts, out int reused)
    {
        var cache = new SearchAnalysisCache(_cache);
        var files = SearchOutput.Shards(SearchDocument.FromTranscripts(transcripts), Options, cache);
        cache.Save();
        reused = cache.Reused;
        return files;
    }

    static IReadOnlyList<SearchFile> CleanShards(IEnumerable<Transcript> transcripts) =>
        SearchOutput.Shards(SearchDocument.FromTranscripts(transcripts), Options);

    [Fact]
    public void A_rebuild_after_one_transcript_changed_reanalyses_only_it_and_equals_a_clean_build()
    {
        ShardsWithCache(Archive, out var reusedCold);
        Transcript[] changed = [Archive[0], Talk("c-insula", "The Insula", "Café au lait, then a new word: zygomatic.", "Marsha Linehan on willingness."), Archive[2]];

        var rebuilt = ShardsWithCache(changed, out var reused);

        Assert.Equal(0, reusedCold);
        Assert.Equal(2, reused);
        Assert.Equal(CleanShards(changed), rebuilt);
        Assert.NotEqual(CleanShards(Archive), rebuilt);
    }

    /// <summary>The documents as the build gives them: each transcript's with a source key made of <paramref name="keys"/>.</summary>
    static IReadOnlyList<SearchDocument> Keyed(IEnumerable<Transcript> transcripts, Func<Transcript, string> keys) =>
        SearchDocument.From(transcripts.Select(t => new SearchSource(t, t.Title!, t.Speakers.ToDictionary(s => s.Id, s => s.Name), t.Topics, keys(t))));

    [Fact]
    public void Documents_with_source_keys_find_their_analysis_by_the_key_alone_and_equal_a_clean_build()
    {
        var cache = new SearchAnalysisCache(_cache);
        SearchOutput.Shards(Keyed(Archive, t => t.Slug), Options, cache);
        cache.Save();
        Transcript[] changed = [Archive[0], Talk("c-insula", "The Insula", "Café au lait, then a new word: zygomatic.", "Marsha Linehan on willingness."), Archive[2]];

        var again = new SearchAnalysisCache(_cache);
        var rebuilt = SearchOutput.Shards(Keyed(changed, t => t.Slug == "c-insula" ? "edited" : t.Slug), Options, again);

        Assert.Equal(2, again.Reused);
        Assert.Equal(CleanShards(changed), rebuilt);
        Assert.NotEqual(SearchAnalysisCache.Key(Keyed([Archive[1]], t => "edited")), SearchAnalysisCache.Key(Keyed([Archive[1]], t => t.Slug)));
        Assert.Equal(SearchAnalysisCache.Key(Keyed([Archive[1]], t => t.Slug)), SearchAnalysisCache.Key(Keyed([changed[1]], t => t.Slug)));
    }

    [Fact]
    public void Kept_analyses_follow_their_transcripts_when_document_numbers_shift()
    {
        ShardsWithCache(Archive, out _);
        Transcript[] grown = [Talk("a-first", "First", "Pacing first, before everything."), .. Archive];

        var rebuilt = ShardsWithCache(grown, out var reused);

        Assert.Equal(3, reused);
        Assert.Equal(CleanShards(grown), rebuilt);
    }

    [Fact]
    public void A_change_to_what_search_shows_of_a_transcript_but_not_its_file_is_a_change_too()
    {
        ShardsWithCache(Archive, out _);
        Transcript[] retitled = [Archive[0] with { Title = "Pacing and Timing" }, Archive[1], Archive[2]];

        var rebuilt = ShardsWithCache(retitled, out var reused);

        Assert.Equal(2, reused);
        Assert.Equal(CleanShards(retitled), rebuilt);
    }

    [Fact]
    public void A_damaged_pack_is_an_empty_cache()
    {
        ShardsWithCache(Archive, out _);
        var pack = new SearchAnalysisCache(_cache).PackPath;
        var bytes = File.ReadAllBytes(pack);
        var clean = CleanShards(Archive);

        byte[] OneByteChanged(int at) => [.. bytes[..at], (byte)(bytes[at] ^ 1), .. bytes[(at + 1)..]];

        foreach (var damaged in new[] { bytes[..(bytes.Length / 2)], "not a pack"u8.ToArray(), [], OneByteChanged(bytes.Length / 2), OneByteChanged(bytes.Length - 1) })
        {
            File.WriteAllBytes(pack, damaged);
            Assert.Equal(clean, ShardsWithCache(Archive, out var reused));
            Assert.Equal(0, reused);
        }
        Assert.Equal(clean, ShardsWithCache(Archive, out var reusedOnceWrittenAgain));
        Assert.Equal(3, reusedOnceWrittenAgain);
    }

    [Fact]
    public void A_rebuild_after_one_transcript_was_deleted_equals_a_clean_build()
    {
        ShardsWithCache(Archive, out _);
        Transcript[] remaining = [Archive[0], Archive[2]];

        var rebuilt = ShardsWithCache(remaining, out var reused);

        Assert.Equal(2, reused);
        Assert.Equal(CleanShards(remaining), rebuilt);
    }

    [Fact]
    public void Terms_new_to_the_kept_vocabulary_sort_among_the_kept_ones()
    {
        ShardsWithCache(Archive[1..], out _);
        // "aardvark" sorts before every kept term, "mid" among them, "zzz" after them.
        Transcript[] grown = [Talk("a-new", "Aardvark", "Aardvark, mid and zzz: words the pack has never seen."), .. Archive];

        var rebuilt = ShardsWithCache(grown, out var reused);

        Assert.Equal(2, reused);
        Assert.Equal(CleanShards(grown), rebuilt);
        Assert.Equal(CleanShards(grown), ShardsWithCache(grown, out var reusedAll));
        Assert.Equal(4, reusedAll);
    }

    [Fact]
    public void The_pack_keeps_only_the_transcripts_of_the_last_build()
    {
        ShardsWithCache(Archive, out _);
        ShardsWithCache(Archive[..1], out _);

        ShardsWithCache(Archive, out var reused);

        Assert.Equal(1, reused);
    }

    /// <summary>Twenty talks: one change among them is few enough for the delta (its unused and new analyses, two, are at most an eighth).</summary>
    static readonly Transcript[] Twenty = [.. Enumerable.Range(0, 20).Select(i => Talk($"t{i:00}", $"Talk {i}", $"Pacing and willingness, talk {i}.", $"Compassion practice number {i}."))];

    static Transcript[] WithChanged(Transcript[] archive, params int[] changed) =>
        [.. archive.Select((t, i) => changed.Contains(i) ? Talk(t.Slug, t.Title!, $"A changed talk {i}: zygomatic{i} and pacing.") : t)];

    [Fact]
    public void One_change_among_many_is_kept_in_a_small_delta_and_the_pack_is_left_as_it_was()
    {
        var cache = new SearchAnalysisCache(_cache);
        ShardsWithCache(Twenty, out _);
        var pack = File.ReadAllBytes(cache.PackPath);
        Assert.False(File.Exists(cache.DeltaPath));

        var once = WithChanged(Twenty, 3);
        Assert.Equal(CleanShards(once), ShardsWithCache(once, out var reusedOnce));
        Assert.Equal(19, reusedOnce);
        Assert.Equal(pack, File.ReadAllBytes(cache.PackPath));
        Assert.True(new FileInfo(cache.DeltaPath).Length * 10 < pack.Length);

        Transcript[] twice = [.. once[..3], Talk("t03", "Talk 3", "Changed again: only the delta is rewritten."), .. once[4..]];
        Assert.Equal(CleanShards(twice), ShardsWithCache(twice, out var reusedTwice));
        Assert.Equal(19, reusedTwice);
        Assert.Equal(pack, File.ReadAllBytes(cache.PackPath));

        var delta = File.ReadAllBytes(cache.DeltaPath);
        var modified = File.GetLastWriteTimeUtc(cache.DeltaPath);
        Assert.Equal(CleanShards(twice), ShardsWithCache(twice, out var reusedAll));
        Assert.Equal(20, reusedAll);
        Assert.Equal(delta, File.ReadAllBytes(cache.DeltaPath));
        Assert.Equal(modified, File.GetLastWriteTimeUtc(cache.DeltaPath));
    }

    [Fact]
    public void A_damaged_delta_is_an_empty_delta()
    {
        var cache = new SearchAnalysisCache(_cache);
        ShardsWithCache(Twenty, out _);
        var changed = WithChanged(Twenty, 5);
        ShardsWithCache(changed, out _);
        var delta = File.ReadAllBytes(cache.DeltaPath);

        foreach (var damaged in new[] { delta[..(delta.Length / 2)], [.. delta[..^1], (byte)(delta[^1] ^ 1)], File.ReadAllBytes(cache.PackPath) })
        {
            File.WriteAllBytes(cache.DeltaPath, damaged);
            Assert.Equal(CleanShards(changed), ShardsWithCache(changed, out var reused));
            Assert.Equal(19, reused);
        }
    }

    [Fact]
    public void Once_the_delta_and_unused_analyses_pass_an_eighth_of_the_pack_it_is_written_whole()
    {
        var cache = new SearchAnalysisCache(_cache);
        ShardsWithCache(Twenty, out _);
        ShardsWithCache(WithChanged(Twenty, 0), out _);
        Assert.True(File.Exists(cache.DeltaPath));

        var many = WithChanged(Twenty, 0, 1, 2);
        Assert.Equal(CleanShards(many), ShardsWithCache(many, out var reused));
        Assert.Equal(18, reused);
        Assert.False(File.Exists(cache.DeltaPath));

        Assert.Equal(CleanShards(many), ShardsWithCache(many, out var reusedAll));
        Assert.Equal(20, reusedAll);
    }
}
