using ArchiveSite.Archive;
using ArchiveSite.Build;
using CsCheck;
using static ArchiveSite.Tests.Build.TestTranscripts;

namespace ArchiveSite.Tests.Archive;

/// <summary>Related transcripts against a plain statement of the rule: shared topics and shared distinctive (tf-idf) terms.</summary>
public sealed class RelatedTranscriptsTests
{
    static readonly string[] Vocabulary = ["ab", "calm", "sleep", "rest", "shame", "pet", "ferret", "walk", "tea", "breath", "mind", "body"];
    static readonly string[] TopicIds = ["sleep", "shame", "pets"];

    static ArchivedTranscript Transcript(int index, (int Stem, int Count)[] stems, int[] topics) => new()
    {
        Source = Make($"t-{index:D2}", $"T {index}", [], []),
        Title = $"T {index}",
        PersonIdBySpeaker = new Dictionary<string, string>(),
        TopicIds = [.. topics.Distinct().Select(t => TopicIds[t])],
        Passages = [],
        Quotes = [],
        Speaking = [],
        StemCounts = [.. stems.DistinctBy(s => s.Stem).Select(s => KeyValuePair.Create(Vocabulary[s.Stem], s.Count))],
    };

    static readonly Gen<List<ArchivedTranscript>> Archives =
        Gen.Select(Gen.Int[0, Vocabulary.Length - 1], Gen.Int[1, 4]).Array[0, 10]
            .Select(Gen.Int[0, TopicIds.Length - 1].Array[0, 2])
            .Array[1, 12]
            .Select(transcripts => transcripts.Select((t, i) => Transcript(i, t.Item1, t.Item2)).ToList());

    // Archives over several 64-transcript words: common stems held by enough transcripts to be added as a bit per
    // transcript, rare ones ("r0".."r299", mostly held by one to three) added by index, many equal scores.
    static readonly string[] Rare = [.. Enumerable.Range(0, 300).Select(i => "r" + i)];

    static readonly Gen<List<ArchivedTranscript>> LargeArchives =
        Gen.Select(Gen.Int[0, Vocabulary.Length + Rare.Length - 1], Gen.Int[1, 3]).Array[0, 12]
            .Select(Gen.Int[0, TopicIds.Length - 1].Array[0, 2])
            .Array[60, 200]
            .Select(transcripts => transcripts.Select((t, i) => LargeTranscript(i, t.Item1, t.Item2)).ToList());

    static ArchivedTranscript LargeTranscript(int index, (int Stem, int Count)[] stems, int[] topics) =>
        Transcript(index, [], topics) with
        {
            Source = Make($"t-{index:D3}", $"T {index}", [], []),
            StemCounts = [.. stems.DistinctBy(s => s.Stem).Select(s => KeyValuePair.Create(
                s.Stem < Vocabulary.Length ? Vocabulary[s.Stem] : Rare[s.Stem - Vocabulary.Length], s.Count))],
        };

    [Fact]
    public void Archives_of_hundreds_relate_as_the_rule_states()
    {
        LargeArchives.Sample(transcripts =>
            Assert.Equal(Reference(transcripts), RelatedTranscripts.Add(transcripts).Select(t => (IReadOnlyList<string>)[.. t.RelatedSlugs]).ToList()),
            iter: 40);
    }

    [Fact]
    public void Transcripts_out_of_slug_order_are_refused()
    {
        var transcripts = new List<ArchivedTranscript> { Transcript(1, [], []), Transcript(0, [], []) };
        Assert.Throws<ArgumentException>(() => RelatedTranscripts.Add(transcripts));
    }

    [Fact]
    public void Each_transcript_relates_the_four_others_that_score_highest_as_the_rule_states()
    {
        Archives.Sample(transcripts =>
        {
            var related = RelatedTranscripts.Add(transcripts);
            var expected = Reference(transcripts);
            Assert.Equal(expected, related.Select(t => (IReadOnlyList<string>)[.. t.RelatedSlugs]).ToList());
        });
    }

    [Fact]
    public void Stems_numbered_as_the_build_cache_reads_them_relate_the_same_transcripts()
    {
        Archives.Sample(transcripts =>
        {
            var pool = new StringPool();
            // Numbers that are not the order the stems come in, with gaps.
            foreach (var stem in Vocabulary.Reverse().Prepend("unused"))
                pool.Get(stem, out _);
            var numbered = transcripts.Select(t => t with { StemCounts = Numbered(pool, t.StemCounts) }).ToList();

            Assert.Equal(RelatedTranscripts.Add(transcripts).Select(t => string.Join(' ', t.RelatedSlugs)),
                RelatedTranscripts.Add(numbered).Select(t => string.Join(' ', t.RelatedSlugs)));
        });
    }

    static NumberedStemCounts Numbered(StringPool pool, IReadOnlyCollection<KeyValuePair<string, int>> stemCounts)
    {
        var numbers = new int[stemCounts.Count];
        var counts = stemCounts.Select((pair, i) => KeyValuePair.Create(pool.Get(pair.Key, out numbers[i]), pair.Value)).ToArray();
        return new NumberedStemCounts(counts, numbers, pool);
    }

    /// <summary>The rule as plainly as it can be said: distinctive terms by count times log(transcripts / transcripts using the stem).</summary>
    static List<IReadOnlyList<string>> Reference(List<ArchivedTranscript> transcripts)
    {
        var n = transcripts.Count;
        var frequency = transcripts.SelectMany(t => t.StemCounts.Select(s => s.Key)).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        var distinctive = transcripts.Select(t => t.StemCounts
                .Where(s => s.Key.Length > 2 && s.Value > 1 && frequency[s.Key] < n)
                .Select(s => (Stem: s.Key, Weight: s.Value * Math.Log((double)n / frequency[s.Key])))
                .OrderByDescending(s => s.Weight).ThenBy(s => s.Stem, StringComparer.Ordinal)
                .Take(20).Select(s => s.Stem).ToHashSet())
            .ToList();
        return transcripts.Select((t, self) => (IReadOnlyList<string>)[.. transcripts.Select((other, i) => (other.Slug, i,
                Score: t.TopicIds.Intersect(other.TopicIds).Count() * 1.0 + distinctive[self].Intersect(distinctive[i]).Count() * 0.25))
            .Where(x => x.i != self && x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Slug, StringComparer.Ordinal)
            .Take(4).Select(x => x.Slug)]).ToList();
    }
}
