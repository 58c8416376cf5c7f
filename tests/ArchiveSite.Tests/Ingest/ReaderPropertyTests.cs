using System.Text;
using ArchiveSite.Ingest;
using ArchiveSite.Model;
using CsCheck;

namespace ArchiveSite.Tests.Ingest;

/// <summary>
/// No input, however malformed, may make reading throw or hang (issue 6). The dispatcher catches reader
/// exceptions and turns them into a "the reader failed" diagnostic, so that diagnostic counts as a failure
/// here too, and so does a read that outlives its deadline. Inputs: random bytes, random text built from
/// the characters transcripts are made of, and mutations of a well-formed transcript in each format.
/// </summary>
public sealed class ReaderPropertyTests
{
    static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    static readonly string[] Extensions = [".txt", ".md", ".vtt", ".srt", ".markdown", ".text", ""];

    [Fact]
    public void Random_bytes_never_break_a_reader() =>
        Gen.Select(Gen.Byte.Array[0, 3000], Gen.Int[0, Extensions.Length - 1])
            .Sample((bytes, extension) => AssertReadsSafely("random" + Extensions[extension], bytes), iter: 300);

    [Fact]
    public void Random_text_from_transcript_fragments_never_breaks_a_reader() =>
        Gen.Select(Gen.Int[0, Fragments.Length - 1].Array[0, 200], Gen.Int[0, Extensions.Length - 1])
            .Sample((pieces, extension) =>
            {
                var text = string.Concat(pieces.Select(i => Fragments[i]));
                AssertReadsSafely("fragments" + Extensions[extension], Encoding.UTF8.GetBytes(text));
            }, iter: 300);

    [Fact]
    public void Mutated_transcripts_in_every_format_never_break_a_reader() =>
        Gen.Select(Gen.Int[0, Samples.Length - 1], Gen.Int[0, Mutations.Count - 1].Array[1, 6], Gen.Int, Gen.Bool)
            .Sample((sample, mutations, seed, keepExtension) =>
            {
                var (name, text) = Samples[sample];
                var random = new Random(seed);
                var lines = text.Split('\n').ToList();
                foreach (var mutation in mutations.Where(m => m < Mutations.Count))
                    Mutations[mutation](lines, random);
                var bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines));
                if (mutations.Contains(FlipBytes) && bytes.Length > 0)
                    for (var i = 0; i < 1 + random.Next(20); i++)
                        bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                var path = keepExtension ? name : Path.ChangeExtension(name, Extensions[random.Next(Extensions.Length)]);
                AssertReadsSafely(path, bytes);
            }, iter: 300);

    static void AssertReadsSafely(string path, byte[] bytes)
    {
        // A thread of its own, so a busy thread pool cannot delay the start and pass for a hang.
        var read = Task.Factory.StartNew(() => TranscriptReader.Read(path, bytes), TaskCreationOptions.LongRunning);
        if (!read.Wait(Deadline))
            throw new TimeoutException($"reading {path} ({bytes.Length} bytes) took longer than {Deadline.TotalSeconds} s");
        var transcript = read.Result;

        var failure = transcript.Diagnostics.FirstOrDefault(d => d.Message.StartsWith("the reader failed", StringComparison.Ordinal));
        Assert.True(failure is null, $"a reader threw on {path}: {failure}");
        var speakers = transcript.Speakers.Select(s => s.Id).ToHashSet();
        Assert.All(transcript.Turns, t => Assert.Contains(t.SpeakerId, speakers));
        Assert.All(transcript.Diagnostics, d => Assert.True(d.File == path && d.Line >= 1, $"diagnostic not located in the file: {d}"));
        var turns = transcript.Turns.Count();
        Assert.All(transcript.Quotes, q => Assert.True(q.Turn is null || (q.Turn >= 1 && q.Turn <= turns), $"quote points at turn {q.Turn} of {turns}"));
    }

    /// <summary>Pieces transcripts are made of, plus the characters that trip up decoders and parsers.</summary>
    static readonly string[] Fragments =
    [
        "\n", "\n\n", "\r\n", "\r", " ", "  ", "\t", "Dr. Siegel:", "Dr. McGonigal:  ", "CHIEF JUSTICE ROBERTS:",
        "Mr. Meltzer.", "**Jerod Santo:**", "**Break**:", "Adam Jackson: 00:01:02", "Gilon:", "<v Travis>", "</v>",
        "---", "---\n", "title: ", "speakers:\n  - name: ", "  - ", "topics: [", "]", "{", "}", "'", "\"", ": :",
        "WEBVTT", "WEBVTT\n\n", "00:00:01.000 --> 00:00:04.000", "00:00:01,000 --> 00:00:04,000", "1\n", "99999999999\n",
        "-->", "NOTE ", "## ", "# ", "### Heading", "“", "”", "‘", "’", "…", "–", "—", "\u00ad", "-\n", "pg. 9",
        "Week 110, Day 5: Ron Siegel, PsyD and Kelly McGonigal, PhD", " Next Level Practitioner  Week 1, Day 1 - Title - Transcript - pg. 2",
        "--- Page 3 ---", "-2-", "\f", "<pre>", "</pre>", "<html>", "[GRAPHIC] [TIFF OMITTED]", "[Laughter]", "\\[03:59\\]",
        "1 ", "25 ", "\0", "\uFEFF", "\uFFFD", "\u202E", "\u200B", "\uD800", "\uDC00", "😀", "漢字", "Ünïcödé", "(", ")", "[[", "]]",
        "*", "**", "_", "`", "```", "> ", "<", ">", "&amp;", "&", "word ", "hello world. ", "Yes; ", "?",
    ];

    static readonly (string Name, string Text)[] Samples =
    [
        ("week-1-day-1.txt",
         """
          Week 1, Day 1: Ron Siegel, PsyD and Kelly McGonigal, PhD  

         Critical Insights 

         Dr. Buczynski:  Hello everyone. We’re back. This is the part of the week that we’re going to chew on 

         the ideas from throughout the week.  

         Dr. McGonigal:  I’m thinking of three gems I just want to highlight and remind people of. It’s a way 

         of letting other people know you see them in that role. People often feel like who they are with 

         “People often feel like 

         who they are with their 

         pet is their best self.” 
          their pet is their best self.  

          

         Techniques to Foster Greater Connection  

         Dr. Siegel:  I was struck that, even though we need to have a different point of entrée for 

         individuals, everybody emphasized the importance of a systemic perspective. It’s a mother-in-

         law problem.  

          

         Next Level Practitioner - First Sessions  Week 1, Day 1 - Critical Insights - Transcript - pg. 1 

         """),
        ("panel.md",
         """
         ---
         title: 'The Great Consensus Cleanup'
         date: 2024-03-05
         series: Bitcoin Explained
         episode: 93
         speakers:
           - name: Aaron van Wirdum
             credentials: Host
           - Sjors Provoost
         topics: [consensus, soft forks]
         ---

         ## Introduction

         Aaron van Wirdum: 00:00:07
         Live from Utrecht, this is Bitcoin Explained.

         **Sjors Provoost:** Hello. We are going to talk about the consensus cleanup.

         ## Time warp

         Aaron van Wirdum: 00:01:10
         What is the time warp attack?
         It is old.

         Sjors Provoost: It lets miners lower the difficulty.
         """),
        ("talk.vtt",
         """
         WEBVTT

         NOTE a comment

         1
         00:00:00.000 --> 00:00:04.500
         <v Travis>Welcome to the show, everyone.

         00:00:04.500 --> 00:00:09.000
         Today we talk about transcripts.

         00:00:09.000 --> 00:00:12.000 align:start
         <v Gilon>Thanks for having me.</v>

         00:00:12.000 --> 00:00:15.000
         Gilon: And captions, of course.
         """),
        ("talk.srt",
         """
         1
         00:00:01,000 --> 00:00:04,000
         ALICE: Good morning.

         2
         00:00:04,000 --> 00:00:08,500
         We begin with the budget.

         3
         00:00:08,500 --> 00:00:12,000
         BOB: Thank you, Alice.
         <i>Applause</i>
         """),
    ];

    const int FlipBytes = 0;

    static string Nested(Random random, string open, string close)
    {
        var depth = random.Next(1, 5000);
        return string.Concat(Enumerable.Repeat(open, depth)) + "x" + string.Concat(Enumerable.Repeat(close, random.Next(depth + 1)));
    }

    static int Pick(List<string> lines, Random random) => lines.Count == 0 ? 0 : random.Next(lines.Count);

    static void Replace(List<string> lines, Random random, Func<string, string> change)
    {
        if (lines.Count > 0) { var i = random.Next(lines.Count); lines[i] = change(lines[i]); }
    }

    /// <summary>Mutations of a transcript's lines; 0 marks a case whose encoded bytes are also bit-flipped.</summary>
    static readonly IReadOnlyList<Action<List<string>, Random>> Mutations =
    [
        (_, _) => { },
        (lines, random) => { if (lines.Count > 0) lines.RemoveAt(random.Next(lines.Count)); },
        (lines, random) => { if (lines.Count > 0) { var i = random.Next(lines.Count); lines.Insert(i, lines[i]); } },
        (lines, random) => { if (lines.Count > 1) { var (a, b) = (Pick(lines, random), Pick(lines, random)); (lines[a], lines[b]) = (lines[b], lines[a]); } },
        (lines, random) => { var shuffled = lines.OrderBy(_ => random.Next()).ToList(); lines.Clear(); lines.AddRange(shuffled); },
        (lines, random) => Replace(lines, random, l => l.Replace(":", "", StringComparison.Ordinal)),
        (lines, random) => Replace(lines, random, l => l.Replace("Dr. ", "Dr", StringComparison.Ordinal).Replace("**", "*", StringComparison.Ordinal)),
        (lines, random) => Replace(lines, random, l => ":" + l + ":"),
        (lines, random) => lines.Insert(Pick(lines, random), new string('a', random.Next(1, 200_000))),
        (lines, random) => lines.Insert(Pick(lines, random), string.Concat(Enumerable.Repeat("word ", random.Next(1, 40_000)))),
        (lines, random) => lines.Insert(Pick(lines, random), Nested(random, "(", ")")),
        (lines, random) => lines.Insert(Pick(lines, random), Nested(random, "“", "”")),
        (lines, random) => lines.Insert(Pick(lines, random), Nested(random, "[", "]")),
        (lines, random) => lines.Insert(Pick(lines, random), Nested(random, "**", "**")),
        (lines, random) => lines.Insert(Pick(lines, random), Nested(random, "<v ", ">")),
        (lines, random) => lines.Insert(Pick(lines, random), Nested(random, "> ", "")),
        (lines, random) => { if (lines.Count > 0) { var i = random.Next(lines.Count); lines.RemoveRange(i, Math.Min(lines.Count - i, random.Next(1, 6))); } },
        (lines, random) => Replace(lines, random, l => l.Length > 0 ? l[..random.Next(l.Length)] : l),
        (lines, random) => Replace(lines, random, l => l.Insert(random.Next(l.Length + 1), Fragments[random.Next(Fragments.Length)])),
        (lines, random) => { for (var i = lines.IndexOf("---"); i >= 0; i = -1) lines.RemoveAt(i); },
        (lines, random) => lines.Insert(Math.Min(1, lines.Count), random.Next(3) switch { 0 => "title: [unclosed", 1 => "speakers: {a: b: c}", _ => "\t- : - :" }),
        (lines, random) => Replace(lines, random, l => l.Replace("00:0", random.Next(3) switch { 0 => "99:9", 1 => "-0:0", _ => "00:" }, StringComparison.Ordinal)),
        (lines, random) => Replace(lines, random, l => l.Replace("-->", random.Next(2) == 0 ? "--" : "--> -->", StringComparison.Ordinal)),
        (lines, random) => Replace(lines, random, l => l.Length > 0 && char.IsDigit(l[0]) ? random.Next(3) switch { 0 => "-1", 1 => "99999999999999999999", _ => "1 2" } : l),
        (lines, random) => lines.Insert(Pick(lines, random), random.Next(2) == 0 ? "\0\0\0" : "\uFEFF\u202E\uFFFD\u00ad"),
        (lines, random) => { for (var i = 0; i < lines.Count; i++) lines[i] += "\r"; },
        (lines, random) => lines.Insert(Pick(lines, random), " " + new string(' ', random.Next(1000))),
    ];
}
