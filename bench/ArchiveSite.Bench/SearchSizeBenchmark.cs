using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using ArchiveSite.Model;
using ArchiveSite.Output;
using ArchiveSite.Search;

namespace ArchiveSite.Bench;

/// <summary>
/// search-size: builds the search files for a synthetic archive and prints what a visitor's first query
/// transfers: page scripts and styles, manifest, the shards the query's terms live in, and the display files
/// of the first page of results (ranked with lunr's own formula, see <see cref="TopDocuments"/>).
/// Words follow a Zipf law over a large made-up vocabulary, so posting lists have the long tail real speech
/// has; every figure is bytes as written (file://) and gzip-compressed (what a web server sends).
/// </summary>
static class SearchSizeBenchmark
{
    public const string Usage = "search-size [--transcripts 1000] [--shard-bytes 4000] [--display-chunk 2] [--out DIR]";

    const int TurnsPerTranscript = 37, ResultsShown = 10;

    public static int Run(BenchArgs args) =>
        Run(int.Parse(args.Get("--transcripts", "1000")), int.Parse(args.Get("--shard-bytes", "4000")),
            int.Parse(args.Get("--display-chunk", "2")), args.Get("--out", "") is { Length: > 0 } folder ? folder : null);

    static int Run(int transcripts, int shardBytes, int displayChunk, string? outDirectory)
    {
        var repo = FindRepo();
        var times = new List<string>();
        T Timed<T>(string step, Func<T> work)
        {
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var result = work();
            process.Refresh();
            times.Add($"{step} {clock.Elapsed.TotalSeconds:F2} s (CPU {(process.TotalProcessorTime - cpu).TotalSeconds:F2} s)");
            return result;
        }
        var documents = Timed("generate", () => SearchDocument.FromTranscripts(Enumerable.Range(0, transcripts).Select(i => SyntheticTranscripts.Make(i)).ToArray()));
        // The build keeps each transcript's analysis in its cache: the second time only weights and files are made.
        var cacheFolder = Directory.CreateTempSubdirectory("archivesite-search-size-").FullName;
        var source = Timed("index by term, cold", () =>
        {
            var cache = new SearchAnalysisCache(cacheFolder);
            var cold = SearchOutput.Source(documents, cache);
            cache.Save();
            return cold;
        });
        Timed("index by term, every analysis cached", () => SearchOutput.Source(documents, new SearchAnalysisCache(cacheFolder)));
        Directory.Delete(cacheFolder, recursive: true);
        var shardFiles = Timed("shards", () => new ShardWriter(shardBytes).Write(source));
        var files = Timed("display files", () => (IReadOnlyList<SearchFile>)[.. shardFiles, .. DisplayWriter.Write(documents, displayChunk)]);

        var bytes = files.ToDictionary(f => f.Path, f => (Raw: (long)Encoding.UTF8.GetByteCount(f.Content), Gzip: Gzip(f.Content)));
        var shards = files.Where(f => f.Path.StartsWith("search/s", StringComparison.Ordinal)).Select(f => bytes[f.Path].Raw).Order().ToArray();
        var chunks = files.Where(f => f.Path.StartsWith("search/d", StringComparison.Ordinal) && f.Path != DisplayWriter.DocumentsPath).Select(f => bytes[f.Path].Raw).Order().ToArray();
        var words = documents.Sum(d => d.Text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length);

        Console.WriteLine($"archive: {transcripts} transcripts, {documents.Count} turns, {words:N0} words, {source.Terms.Count:N0} terms");
        Console.WriteLine($"time (load average {File.ReadAllText("/proc/loadavg")[..14]}): {string.Join(", ", times)}");
        Console.WriteLine($"shards: {shards.Length}, total {Kb(shards.Sum())} (gzip {Kb(files.Where(f => f.Path.StartsWith("search/s")).Sum(f => bytes[f.Path].Gzip))}), " +
                          $"min {Kb(shards[0])}, median {Kb(shards[shards.Length / 2])}, max {Kb(shards[^1])}");
        Console.WriteLine($"display files: {chunks.Length}, median {Kb(chunks[chunks.Length / 2])}, max {Kb(chunks[^1])}; manifest {Kb(bytes[ShardWriter.ManifestPath].Raw)}; documents.js {Kb(bytes[DisplayWriter.DocumentsPath].Raw)}; group files {files.Count(f => f.Path.StartsWith("search/g", StringComparison.Ordinal))}, max {Kb(files.Where(f => f.Path.StartsWith("search/g", StringComparison.Ordinal)).Max(f => bytes[f.Path].Raw))}; facets {Kb(bytes[DisplayWriter.FacetsPath].Raw)}");

        var page = PageAssets(repo);
        Console.WriteLine($"page assets (search.html layouts, lunr.min.js, search scripts and styles, site.css, site.js, fonts): {Kb(page.Raw)} (gzip {Kb(page.Gzip)})");

        var byFrequency = source.Terms.Where(t => t.Term.Length > 2 && t.PostingsByField[0].Count > 0).OrderBy(t => t.PostingsByField[0].Count).ToArray();
        var queries = new List<(string Label, string[] Terms)>
        {
            ("rare term", [byFrequency[byFrequency.Length / 10].Term]),
            ("median term", [byFrequency[byFrequency.Length / 2].Term]),
            ("90th-percentile term", [byFrequency[byFrequency.Length * 9 / 10].Term]),
            ("99th-percentile term", [byFrequency[byFrequency.Length * 99 / 100].Term]),
            ("most common term", [byFrequency[^1].Term]),
            ("two median terms", [byFrequency[byFrequency.Length / 2].Term, byFrequency[byFrequency.Length / 2 + 1].Term]),
            ("three terms (50/90/99th)", [byFrequency[byFrequency.Length / 2].Term, byFrequency[byFrequency.Length * 9 / 10].Term, byFrequency[byFrequency.Length * 99 / 100].Term]),
        };
        var separators = ShardSeparators(shardFiles);
        var displayPaths = DisplayPaths(documents, displayChunk);
        var groupSize = ShardWriter.GroupSize(separators.Length);
        Console.WriteLine($"first query transfer (page assets + manifest + group files + shards + display files of the top {ResultsShown}):");
        foreach (var (label, terms) in queries)
        {
            var shardIds = terms.Select(t => ShardOf(separators, t)).Distinct().ToArray();
            var queryShards = shardIds.Select(ShardWriter.ShardPath).ToArray();
            var groupFiles = shardIds.Select(s => ShardWriter.GroupPath(s / groupSize)).Distinct().ToArray();
            var displayFiles = TopDocuments(source, terms, ResultsShown).Select(d => displayPaths[d]).Distinct().ToArray();
            var parts = queryShards.Concat(groupFiles).Concat(displayFiles).Append(ShardWriter.ManifestPath).Append(DisplayWriter.DocumentsPath).ToArray();
            var raw = page.Raw + parts.Sum(p => bytes[p].Raw);
            var gzip = page.Gzip + parts.Sum(p => bytes[p].Gzip);
            var postings = terms.Sum(t => source.Terms.First(x => x.Term == t).PostingsByField.Sum(p => p.Count));
            Console.WriteLine($"  {label,-26} '{string.Join(" ", terms)}' ({postings:N0} postings): {queryShards.Length} shard(s) {Kb(queryShards.Sum(p => bytes[p].Raw))}, " +
                              $"{groupFiles.Length} group file(s) {Kb(groupFiles.Sum(p => bytes[p].Raw))}, {displayFiles.Length} display file(s) {Kb(displayFiles.Sum(p => bytes[p].Raw))}; total {Kb(raw)} (gzip {Kb(gzip)})");
        }

        if (outDirectory is not null)
        {
            foreach (var file in files)
            {
                var path = Path.Combine(outDirectory, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Content);
            }
            Console.WriteLine($"wrote {files.Count} files under {outDirectory}");
        }
        return 0;
    }

    /// <summary>
    /// The best-scoring documents for a plain query of distinct terms in all fields, by lunr's formula: per
    /// field, dot(query vector of ones, field vector) / sqrt(number of terms), summed over fields.
    /// </summary>
    static IEnumerable<int> TopDocuments(ShardSource source, string[] terms, int count)
    {
        var scores = new Dictionary<int, double>();
        foreach (var term in terms.Select(t => source.Terms.First(x => x.Term == t)))
        foreach (var postings in term.PostingsByField)
        foreach (var posting in postings)
            scores[posting.Document] = scores.GetValueOrDefault(posting.Document) + posting.Weight / Math.Sqrt(terms.Length);
        return scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key).Take(count).Select(s => s.Key);
    }

    /// <summary>Each document's display file, as search-core.js's displayOf finds it.</summary>
    static string[] DisplayPaths(IReadOnlyList<SearchDocument> documents, int displayChunk)
    {
        var names = DisplayWriter.Names([.. documents.Select(d => d.Page).Distinct()]);
        var paths = new string[documents.Count];
        for (int d = 0, transcript = -1, start = 0; d < documents.Count; d++)
        {
            if (d == 0 || documents[d].Page != documents[d - 1].Page) (transcript, start) = (transcript + 1, d);
            paths[d] = DisplayWriter.ChunkPath(names[transcript], (d - start) / displayChunk);
        }
        return paths;
    }

    /// <summary>Every shard's separator, read back from the group files as the browser reads them.</summary>
    static string[] ShardSeparators(IReadOnlyList<SearchFile> files) =>
        [.. files.Where(f => f.Path.StartsWith("search/g", StringComparison.Ordinal))
            .OrderBy(f => int.Parse(f.Path["search/g".Length..^".js".Length]))
            .SelectMany(f => PayloadOf(f).EnumerateArray().Select(s => s.GetString()!).ToArray())];

    static System.Text.Json.JsonElement PayloadOf(SearchFile file)
    {
        var content = file.Content;
        var start = content.IndexOf(',', content.IndexOf(',') + 1) + 1;
        return System.Text.Json.JsonDocument.Parse(content[start..content.LastIndexOf(')')]).RootElement;
    }

    static int ShardOf(string[] separators, string term)
    {
        var shard = 0;
        for (var i = 1; i < separators.Length && string.CompareOrdinal(separators[i], term) <= 0; i++) shard = i;
        return shard;
    }

    /// <summary>Everything search.html loads besides search data: the page (its two layouts, as an estimate), scripts, styles and the fonts the site stylesheet names.</summary>
    static (long Raw, long Gzip) PageAssets(string repo)
    {
        string[] paths =
        [
            "theme/layouts/search.sbn", "theme/layouts/base.sbn", "theme/node_modules/lunr/lunr.min.js",
            "theme/assets/js/search-core.js", "theme/assets/js/search.js", "theme/assets/css/search.css",
            "theme/assets/site.css", "theme/assets/site.js",
            .. CopyNpmAssets.Files.Where(f => f.Output.EndsWith(".woff2", StringComparison.Ordinal)).Select(f => "theme/node_modules/" + f.Package),
        ];
        long raw = 0, gzip = 0;
        foreach (var path in paths.Select(p => Path.Combine(repo, p)))
        {
            if (!File.Exists(path)) throw new FileNotFoundException($"page asset missing (run npm ci in theme): {path}");
            var bytes = File.ReadAllBytes(path);
            raw += bytes.Length;
            gzip += Gzip(bytes);
        }
        return (raw, gzip);
    }

    static long Gzip(string text) => Gzip(Encoding.UTF8.GetBytes(text));

    static long Gzip(byte[] bytes)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(bytes);
        return memory.Length;
    }

    static string Kb(long bytes) => $"{bytes / 1024.0:F1} KB";

    static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ArchiveSite.sln"))) return dir.FullName;
        throw new InvalidOperationException("ArchiveSite.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Deterministic transcripts whose words follow a Zipf law (exponent 1) over 60,000 made-up words.</summary>
    internal static class SyntheticTranscripts
    {
        const int VocabularySize = 60_000;
        static readonly string[] Syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "si", "po", "de", "ga", "vi", "shu", "ber", "tor", "an", "el", "in", "os", "ul", "em"];
        static readonly string[] Vocabulary = Enumerable.Range(0, VocabularySize).Select(Word).ToArray();
        static readonly double[] Cumulative = ZipfCumulative();
        static readonly string[] Surnames = Enumerable.Range(0, 400).Select(i => Capital(Word(i * 7 + 3) + "son")).ToArray();
        static readonly string[] FirstNames = Enumerable.Range(0, 60).Select(i => Capital(Word(i * 11 + 5))).ToArray();
        static readonly string[] Topics = Enumerable.Range(0, 40).Select(i => Capital(Word(100 + i)) + " " + Word(300 + i)).ToArray();

        static string Word(int n)
        {
            var word = new StringBuilder();
            do
            {
                word.Append(Syllables[n % Syllables.Length]);
                n /= Syllables.Length;
            } while (n > 0);
            return word.ToString();
        }

        static string Capital(string word) => char.ToUpperInvariant(word[0]) + word[1..];

        static double[] ZipfCumulative()
        {
            var cumulative = new double[VocabularySize];
            var sum = 0.0;
            for (var i = 0; i < VocabularySize; i++) cumulative[i] = sum += 1.0 / (i + 1);
            for (var i = 0; i < VocabularySize; i++) cumulative[i] /= sum;
            return cumulative;
        }

        static string Draw(Random random)
        {
            var at = Array.BinarySearch(Cumulative, random.NextDouble());
            return Vocabulary[Math.Min(at < 0 ? ~at : at, VocabularySize - 1)];
        }

        static string Words(Random random, int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => Draw(random)));

        public static Transcript Make(int number)
        {
            var random = new Random(number);
            var speakers = Enumerable.Range(0, 3).Select(i =>
            {
                var name = $"{FirstNames[random.Next(FirstNames.Length)]} {Surnames[random.Next(Surnames.Length)]}";
                return new Speaker($"s{i}-{name.ToLowerInvariant().Replace(' ', '-')}", name, null, []);
            }).ToArray();
            var sections = new List<Section>();
            for (var turn = 0; turn < TurnsPerTranscript;)
            {
                var length = Math.Min(TurnsPerTranscript - turn, random.Next(4, 9));
                var turns = Enumerable.Range(0, length).Select(_ => new Turn(speakers[random.Next(3)].Id, null,
                    Enumerable.Range(0, random.Next(1, 5)).Select(_ => Words(random, random.Next(20, 100)) + ".").ToArray(), 1)).ToArray();
                sections.Add(new Section(Capital(Words(random, random.Next(3, 6))), 1, turns));
                turn += length;
            }
            return new Transcript
            {
                SourcePath = $"{number:D5}.txt",
                Slug = $"synthetic-{number:D5}",
                Title = Capital(Words(random, 4)),
                Speakers = speakers,
                Sections = sections,
                Topics = [Topics[random.Next(Topics.Length)], Topics[random.Next(Topics.Length)]],
            };
        }
    }
}
