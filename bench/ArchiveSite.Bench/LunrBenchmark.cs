using System.Diagnostics;
using System.Text.RegularExpressions;
using Lunr;

namespace ArchiveSite.Bench;

/// <summary>
/// `lunr`: builds the search index for a synthetic 1,000-transcript archive (37,000 turns, about 5.4M words,
/// fields text/speaker/title/section/topics) and prints how long building and writing the JSON take.
/// The words come from the shared real corpus, mixed with generated rare words so the vocabulary grows
/// the way a large archive's does. Target (issue 4): build under 3 s on 2 cores.
/// </summary>
static class LunrBenchmark
{
    public const string Usage = "lunr [--runs 3]   build the lunr index for 37,000 turns (~5.4M words), print build and JSON times";

    const int Transcripts = 1_000;
    const int TurnsPerTranscript = 37;
    const int MeanWordsPerTurn = 146;

    public static int Run(BenchArgs args)
    {
        var runs = int.Parse(args.Get("--runs", "3"));
        var words = SourceWords();
        var documents = GenerateTurns(words);
        var wordCount = documents.Sum(d => d["text"].Count(c => c == ' ') + 1);
        Console.WriteLine($"lunr benchmark: {documents.Count:N0} turns, {wordCount:N0} words in text, {Environment.ProcessorCount} cores");
        // Wall-clock figures mean little on a loaded machine; CPU time shows the work done.
        Console.WriteLine($"load average: {LoadAverage()}");

        for (var run = 1; run <= runs; run++)
        {
            GC.Collect();
            var process = Process.GetCurrentProcess();
            var cpuAtStart = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var stages = new List<string>();
            var stageClock = Stopwatch.StartNew();
            var stageCpu = cpuAtStart;
            var stagePause = GC.GetTotalPauseDuration();
            void Stage(string stage)
            {
                process.Refresh();
                stages.Add($"{stage} {stageClock.Elapsed.TotalSeconds:F2} s (CPU {(process.TotalProcessorTime - stageCpu).TotalSeconds:F2} s, GC pauses {(GC.GetTotalPauseDuration() - stagePause).TotalSeconds:F2} s)");
                stageCpu = process.TotalProcessorTime;
                stagePause = GC.GetTotalPauseDuration();
                stageClock.Restart();
            }
            var builder = new Builder { StageFinished = Stage };
            builder.Field("text");
            builder.Field("speaker", boost: 10);
            builder.Field("title", boost: 5);
            builder.Field("section", boost: 2);
            builder.Field("topics", boost: 3);
            foreach (var document in documents)
                builder.Add(document);
            Stage("add");
            var index = builder.Build();
            var buildTime = clock.Elapsed;
            process.Refresh();
            var buildCpu = process.TotalProcessorTime - cpuAtStart;

            clock.Restart();
            var counter = new CountingStream();
            index.WriteJson(counter);
            var writeTime = clock.Elapsed;
            process.Refresh();
            var writeCpu = process.TotalProcessorTime - cpuAtStart - buildCpu;

            Console.WriteLine(
                $"run {run}: total {(buildTime + writeTime).TotalSeconds:F2} s = build {buildTime.TotalSeconds:F2} s (CPU {buildCpu.TotalSeconds:F2} s), write JSON {writeTime.TotalSeconds:F2} s (CPU {writeCpu.TotalSeconds:F2} s) " +
                $"({counter.Length / 1e6:F1} MB), {index.InvertedIndex.Count:N0} terms, {index.FieldVectors.Count:N0} field vectors, " +
                $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
            Console.WriteLine($"  build stages: {string.Join(", ", stages)}");
        }
        return 0;
    }

    static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    static string[] SourceWords()
    {
        var shared = FindShared();
        var files = Directory.GetFiles(Path.Combine(shared, "corpus", "real"))
            .Where(f => !f.EndsWith("README.md", StringComparison.Ordinal))
            .Concat(Directory.GetFiles(Path.Combine(shared, "seeds"), "*.txt"));
        return [.. files.SelectMany(f => Regex.Split(File.ReadAllText(f), @"\s+")).Where(w => w.Length > 0)];
    }

    static List<Dictionary<string, string>> GenerateTurns(string[] words)
    {
        var random = new Random(4);
        var names = Enumerable.Range(0, 3_000).Select(_ => Capitalised(RareWord(random)) + " " + Capitalised(RareWord(random))).ToArray();
        var documents = new List<Dictionary<string, string>>(Transcripts * TurnsPerTranscript);
        for (var t = 0; t < Transcripts; t++)
        {
            var title = Phrase(words, random, 6);
            var speakers = Enumerable.Range(0, 4).Select(_ => names[random.Next(names.Length)]).ToArray();
            var topics = Phrase(words, random, 3);
            for (var turn = 1; turn <= TurnsPerTranscript; turn++)
                documents.Add(new()
                {
                    ["id"] = $"transcripts/t{t:D4}.html#t-{turn}",
                    ["text"] = Phrase(words, random, random.Next(20, 2 * MeanWordsPerTurn - 20)),
                    ["speaker"] = speakers[random.Next(speakers.Length)],
                    ["title"] = title,
                    ["section"] = Phrase(words, random, 3),
                    ["topics"] = topics,
                });
        }
        return documents;
    }

    // A run of consecutive source words with about one in thirty replaced by a rare word.
    static string Phrase(string[] words, Random random, int length)
    {
        var start = random.Next(words.Length - length);
        return string.Join(' ', Enumerable.Range(start, length).Select(i => random.Next(30) == 0 ? RareWord(random) : words[i]));
    }

    static string RareWord(Random random)
    {
        const string consonants = "bcdfghjklmnprstvwz";
        const string vowels = "aeiou";
        var syllables = random.Next(2, 5);
        var chars = new char[syllables * 2];
        for (var i = 0; i < syllables; i++)
        {
            chars[2 * i] = consonants[random.Next(consonants.Length)];
            chars[2 * i + 1] = vowels[random.Next(vowels.Length)];
        }
        return new string(chars);
    }

    static string Capitalised(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    static string FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ArchiveSite.sln")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
        throw new InvalidOperationException("ArchiveSite.sln not found above " + AppContext.BaseDirectory);
    }

    sealed class CountingStream : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Position;
        public override long Position { get; set; }
        public override void Write(byte[] buffer, int offset, int count) => Position += count;
        public override void Write(ReadOnlySpan<byte> buffer) => Position += buffer.Length;
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
