using ArchiveSite.Model;
using ArchiveSite.Search;

namespace ArchiveSite.Bench;

/// <summary>
/// search-step: the parts of the build's search step on a synthetic archive (see
/// <see cref="SearchSizeBenchmark.SyntheticTranscripts"/>), cold and after one transcript gained a turn, with the
/// analysis cache the cold build left. Each part is timed alone, several runs, and the fastest run's wall and
/// CPU time are printed: on a machine shared with other work the fastest run is the one least disturbed.
/// Documents carry their transcript's key, as the build's do. Display and top results files are written as the
/// build writes them on one change: kept when their key is the cold run's.
/// </summary>
static class SearchStepBenchmark
{
    public const string Usage = "search-step [--transcripts 1000] [--runs 5]";

    public static int Run(BenchArgs args)
    {
        var count = int.Parse(args.Get("--transcripts", "1000"));
        var runs = int.Parse(args.Get("--runs", "5"));
        var options = new SearchOptions();
        var transcripts = Enumerable.Range(0, count).Select(SearchSizeBenchmark.SyntheticTranscripts.Make).ToArray();
        var folder = Directory.CreateTempSubdirectory("archivesite-search-step-").FullName;
        try
        {
            // As the build gives them: with each transcript's key, which the input and process phases made.
            static SearchSource Source(Transcript transcript, string key) => new(transcript, transcript.Title ?? transcript.Slug,
                transcript.Speakers.DistinctBy(s => s.Id).ToDictionary(s => s.Id, s => s.Name), transcript.Topics, key);
            var keys = transcripts.Select(t => Output.ContentHash.Of("bench " + t.Slug)).ToArray();
            var cold = new Timings();
            var documents = cold.Time("documents", () => SearchDocument.From([.. transcripts.Select((t, i) => Source(t, keys[i]))]));
            var cache = new SearchAnalysisCache(folder);
            var source = cold.Time("index", () => SearchOutput.Source(documents, cache));
            cold.Time("shards", () => new ShardWriter(options.ShardBytes).Write(source));
            var coldTops = cold.Time("top results", () => TopResultsWriter.Write(source, documents, options.TopResultsCount, options.TopResultsMinimumOf(documents.Count), options.DisplayChunk));
            var coldTopKeys = coldTops.ToDictionary(file => file.Path, file => file.Key);
            var coldDisplayKeys = cold.Time("display files", () => DisplayWriter.Write(documents, options.DisplayChunk)).ToDictionary(file => file.Path, file => file.Key);
            cold.Time("save", () => { cache.Save(); return 0; });
            Console.WriteLine($"cold, {transcripts.Length} transcripts, {documents.Count} turns, {source.Terms.Count:N0} terms, pack {new FileInfo(cache.PackPath).Length / 1048576.0:F1} MB: {cold}");

            var first = transcripts[0];
            var lastSection = first.Sections[^1];
            Transcript[] changed = [first with { Sections = [.. first.Sections.Take(first.Sections.Count - 1), lastSection with { Turns = [.. lastSection.Turns, lastSection.Turns[0] with { Paragraphs = ["One more sentence for the benchmark."] }] }] }, .. transcripts[1..]];
            var keptPack = File.ReadAllBytes(cache.PackPath);
            var best = new Timings();
            var topsMade = 0;
            for (var run = 0; run < runs; run++)
            {
                File.WriteAllBytes(cache.PackPath, keptPack);
                File.Delete(cache.DeltaPath);
                var timings = new Timings();
                var changedDocuments = timings.Time("documents", () => SearchDocument.From([.. changed.Select((t, i) => Source(t, i == 0 ? "changed " + keys[i] : keys[i]))]));
                var changedCache = new SearchAnalysisCache(folder);
                timings.Time("pack load", () => changedCache.Vocabulary);
                var changedSource = timings.Time("index", () => SearchOutput.Source(changedDocuments, changedCache));
                timings.Time("shards", () => new ShardWriter(options.ShardBytes).Write(changedSource));
                topsMade = timings.Time("top results", () => TopResultsWriter.Write(changedSource, changedDocuments, options.TopResultsCount,
                    options.TopResultsMinimumOf(changedDocuments.Count), options.DisplayChunk, (path, key) => coldTopKeys.GetValueOrDefault(path) == key)).Count;
                timings.Time("display files", () => DisplayWriter.Write(changedDocuments, options.DisplayChunk, (path, key) => coldDisplayKeys.GetValueOrDefault(path) == key));
                timings.Time("save", () => { changedCache.Save(); return 0; });
                best.KeepFastest(timings);
            }
            Console.WriteLine($"one change, fastest of {runs} runs (load average {File.ReadAllText("/proc/loadavg")[..14]}; {topsMade} of {coldTops.Count} top results files made again): {best}");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
