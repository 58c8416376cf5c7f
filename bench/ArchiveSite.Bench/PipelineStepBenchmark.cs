using ArchiveSite.Archive;
using ArchiveSite.Build;
using ArchiveSite.Ingest;
using ArchiveSite.Output;

namespace ArchiveSite.Bench;

/// <summary>
/// <c>bench pipeline-step INPUT [--cache bench/out/cache] [--output bench/out/site] [--runs 3]</c>: the parts of a rebuild
/// before the output steps, with the cache and output a <c>bench build</c> of INPUT left (nothing changed, so nothing
/// is parsed or saved): reading the input through the transcript cache, processing through its cache, linking the
/// archive, making each kind of page and their fingerprints, and loading the output manifest. Each part is timed
/// alone, several runs, and the fastest run's wall and CPU time are printed.
/// </summary>
static class PipelineStepBenchmark
{
    public const string Usage = "pipeline-step INPUT [--cache bench/out/cache] [--output bench/out/site] [--runs 3]";

    public static int Run(BenchArgs args)
    {
        if (args.Positional.Count != 1 || !Directory.Exists(args.Positional[0]))
        {
            Console.Error.WriteLine("usage: bench " + Usage);
            return 2;
        }
        var input = Path.GetFullPath(args.Positional[0]);
        var cache = Path.GetFullPath(args.Get("--cache", Path.Combine("bench", "out", "cache")));
        var output = Path.GetFullPath(args.Get("--output", Path.Combine("bench", "out", "site")));
        var runs = int.Parse(args.Get("--runs", "3"));
        var files = Directory.GetFiles(Path.Combine(input, InputPhase.TranscriptsFolder)).Order(StringComparer.Ordinal).ToList();
        var best = new Timings();
        for (var run = 0; run < runs; run++)
        {
            var timings = new Timings();
            var keys = timings.Time("input: read and hash files", () => files.AsParallel().AsOrdered().Select(file =>
                TranscriptCache.Key(Path.GetRelativePath(input, file).Replace('\\', '/'), File.ReadAllBytes(file),
                    TranscriptReader.ReadSidecar(file))).ToList());
            timings.Time("input: load and decode the pack", () =>
            {
                var transcripts = new TranscriptCache(cache);
                return keys.AsParallel().Select(transcripts.Get).Count(t => t is not null);
            });
            var read = timings.Time("input", () => InputPhase.Run(input, new TranscriptCache(cache)));
            var processed = timings.Time("process", () => ProcessPhase.Run(read, null, cache));
            var archive = timings.Time("link", () => ArchiveLinker.Link(read.Registries, processed));
            foreach (var source in SiteFeatures.PageSources)
            {
                var pages = timings.Time("pages of " + source.GetType().Name, () => source.PagesOf(archive).ToList());
                timings.Time("fingerprints of " + source.GetType().Name, () => pages.AsParallel().Select(page => ModelFingerprint.Of(page)).ToList());
            }
            timings.Time("manifest load", () => OutputManifest.Load(OutputManifest.FileFor(cache, output), output));
            best.KeepFastest(timings);
            Console.WriteLine($"run {run + 1}: {timings}");
        }
        Console.WriteLine($"fastest of {runs} runs (load average {File.ReadAllText("/proc/loadavg")[..14]}): {best}");
        return 0;
    }
}
