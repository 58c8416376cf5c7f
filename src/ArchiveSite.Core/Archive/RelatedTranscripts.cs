using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace ArchiveSite.Archive;

/// <summary>
/// Relates transcripts that share topics and distinctive terms: the stems a transcript uses much more than
/// the archive does (tf-idf). A shared topic weighs as much as four shared distinctive terms.
/// </summary>
public static class RelatedTranscripts
{
    const int DistinctiveTermsPerTranscript = 20;
    const int RelatedPerTranscript = 4;

    // Scores count in quarters (a shared topic 1.0, a shared term 0.25): whole numbers add and compare exactly as those do.
    const int SharedTopicPoints = 4;
    const int SharedTermPoints = 1;

    /// <param name="transcripts">In slug order, as the linker keeps them: among equal scores the lower index ranks first.</param>
    public static List<ArchivedTranscript> Add(List<ArchivedTranscript> transcripts)
    {
        for (var i = 1; i < transcripts.Count; i++)
            if (string.CompareOrdinal(transcripts[i - 1].Slug, transcripts[i].Slug) > 0)
                throw new ArgumentException("transcripts must be in slug order", nameof(transcripts));
        var distinctive = DistinctiveTerms(transcripts, out var stemCount);
        var sharingTopic = Sharing(transcripts.Select(t => t.TopicIds), transcripts.Count);
        var sharingTerm = Sharing(distinctive, stemCount, transcripts.Count);
        var maxScore = 0;
        for (var i = 0; i < transcripts.Count; i++)
            maxScore = Math.Max(maxScore, transcripts[i].TopicIds.Count * SharedTopicPoints + distinctive[i].Length * SharedTermPoints);

        // Every transcript is scored against every other, on every rebuild, in one set of counters per range of transcripts.
        var related = new string[transcripts.Count][];
        Parallel.ForEach(Partitioner.Create(0, transcripts.Count), range =>
        {
            var scores = new SlicedScores(transcripts.Count, maxScore);
            Span<int> top = stackalloc int[RelatedPerTranscript];
            for (var self = range.Item1; self < range.Item2; self++)
            {
                scores.Clear();
                foreach (var topic in transcripts[self].TopicIds)
                    sharingTopic[topic].AddTo(scores, SharedTopicPoints);
                foreach (var stem in distinctive[self])
                    sharingTerm[stem]!.AddTo(scores, SharedTermPoints);
                scores.Zero(self);
                var found = scores.Highest(top);
                related[self] = new string[found];
                for (var i = 0; i < found; i++)
                    related[self][i] = transcripts[top[i]].Slug;
            }
        });
        return [.. transcripts.Select((t, i) => t with { RelatedSlugs = related[i] })];
    }

    /// <summary>
    /// The transcripts that list one topic or term: their indexes (once for each time they list it) or, when they are
    /// many and list it once each, a bit per transcript.
    /// </summary>
    sealed class Holders(int[] indexes, ulong[]? bits)
    {
        public static Holders Of(List<int> indexes, int count)
        {
            var words = (count + 63) / 64;
            if (indexes.Count < words || ListsAnyTwice(indexes))
                return new Holders([.. indexes], null);
            var bits = new ulong[words];
            foreach (var index in indexes)
                bits[index >> 6] |= 1UL << index;
            return new Holders([], bits);
        }

        /// <summary>Indexes are added in order, so a transcript listing the id twice shows as two equal neighbours.</summary>
        static bool ListsAnyTwice(List<int> indexes)
        {
            for (var i = 1; i < indexes.Count; i++)
                if (indexes[i] == indexes[i - 1])
                    return true;
            return false;
        }

        public void AddTo(SlicedScores scores, int points)
        {
            if (bits is null)
                scores.Add(indexes, points);
            else
                scores.Add(bits, points);
        }
    }

    /// <summary>For each topic, the transcripts that have it.</summary>
    static Dictionary<string, Holders> Sharing(IEnumerable<IEnumerable<string>> idsOfTranscripts, int count)
    {
        var lists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var index = 0;
        foreach (var ids in idsOfTranscripts)
        {
            foreach (var id in ids)
                (CollectionsMarshal.GetValueRefOrAddDefault(lists, id, out _) ??= []).Add(index);
            index++;
        }
        var sharing = new Dictionary<string, Holders>(lists.Count, StringComparer.Ordinal);
        foreach (var (id, list) in lists)
            sharing[id] = Holders.Of(list, count);
        return sharing;
    }

    /// <summary>For each stem number, the transcripts that have it among their distinctive terms (null for a stem none has).</summary>
    static Holders?[] Sharing(int[][] stemsOfTranscripts, int stemCount, int count)
    {
        var lists = new List<int>?[stemCount];
        for (var index = 0; index < stemsOfTranscripts.Length; index++)
            foreach (var stem in stemsOfTranscripts[index])
                (lists[stem] ??= []).Add(index);
        var sharing = new Holders?[stemCount];
        for (var stem = 0; stem < stemCount; stem++)
            if (lists[stem] is { } list)
                sharing[stem] = Holders.Of(list, count);
        return sharing;
    }

    /// <summary>
    /// Each transcript's distinctive terms, by transcript index, as stem numbers (below <paramref name="stemCount"/>): the
    /// stems of more than two letters used more than once and not by every transcript, by count times rarity.
    /// </summary>
    static int[][] DistinctiveTerms(List<ArchivedTranscript> transcripts, out int stemCount)
    {
        var numbers = StemNumbers(transcripts, out stemCount);
        var documentFrequency = new int[stemCount];
        foreach (var numbersOfTranscript in numbers)
            foreach (var number in numbersOfTranscript)
                documentFrequency[number]++;
        var count = transcripts.Count;
        // A stem every transcript has distinguishes none (NaN: no weight); the others weigh by how rare they are.
        var rarity = new double[stemCount];
        for (var number = 0; number < rarity.Length; number++)
            rarity[number] = documentFrequency[number] < count ? Math.Log((double)count / documentFrequency[number]) : double.NaN;
        // Parallel.For rather than PLINQ: a fresh process JIT-compiles PLINQ's generic operators for each element type.
        var distinctive = new int[count][];
        Parallel.For(0, count, i => distinctive[i] = TopItems.Of(
                Weighted(transcripts[i].StemCounts, numbers[i], rarity),
                DistinctiveTermsPerTranscript,
                (a, b) => b.Weight != a.Weight ? b.Weight.CompareTo(a.Weight) : string.CompareOrdinal(a.Stem, b.Stem))
            .Select(s => s.Number).ToArray());
        return distinctive;
    }

    /// <summary>
    /// The number of each stem of each transcript, in the order of its <see cref="ArchivedTranscript.StemCounts"/>: as the
    /// build cache numbered them when it read them (<see cref="NumberedStemCounts"/>), else numbered here (each stem hashed once).
    /// </summary>
    static int[][] StemNumbers(List<ArchivedTranscript> transcripts, out int stemCount)
    {
        if (transcripts.Count > 0 && transcripts[0].StemCounts is NumberedStemCounts { Numbering: var numbering }
            && transcripts.TrueForAll(t => t.StemCounts is NumberedStemCounts numbered && numbered.Numbering == numbering))
        {
            stemCount = numbering.NumberBound;
            return [.. transcripts.Select(t => ((NumberedStemCounts)t.StemCounts).Numbers)];
        }
        var known = new Dictionary<string, int>(StringComparer.Ordinal);
        var numbers = new int[transcripts.Count][];
        for (var i = 0; i < transcripts.Count; i++)
        {
            var at = 0;
            numbers[i] = new int[transcripts[i].StemCounts.Count];
            foreach (var (stem, _) in transcripts[i].StemCounts)
            {
                ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(known, stem, out var exists);
                if (!exists)
                    number = known.Count - 1;
                numbers[i][at++] = number;
            }
        }
        stemCount = known.Count;
        return numbers;
    }

    /// <summary>The stems of more than two letters used more than once that have a rarity, with their numbers (<paramref name="numbers"/>, in the order of <paramref name="stemCounts"/>).</summary>
    static IEnumerable<(string Stem, int Number, double Weight)> Weighted(IReadOnlyCollection<KeyValuePair<string, int>> stemCounts, int[] numbers,
        double[] rarity)
    {
        var at = 0;
        foreach (var (stem, count) in stemCounts)
        {
            var number = numbers[at++];
            if (stem.Length > 2 && count > 1 && !double.IsNaN(rarity[number]))
                yield return (stem, number, count * rarity[number]);
        }
    }
}
