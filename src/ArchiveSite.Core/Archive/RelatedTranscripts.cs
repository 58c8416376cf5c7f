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

    public static List<ArchivedTranscript> Add(List<ArchivedTranscript> transcripts)
    {
        var distinctive = DistinctiveTerms(transcripts, out var stemCount);
        var sharingTopic = Sharing(transcripts.Select(t => t.TopicIds));
        var sharingTerm = Sharing(distinctive, stemCount);

        // Every transcript is scored against every other, on every rebuild: the scores of a range of transcripts are
        // added up in one array by transcript index, cleared for the next, rather than one array (or dictionary) each.
        var related = new string[transcripts.Count][];
        Parallel.ForEach(Partitioner.Create(0, transcripts.Count), range =>
        {
            var scores = new int[transcripts.Count];
            for (var self = range.Item1; self < range.Item2; self++)
            {
                foreach (var topic in transcripts[self].TopicIds)
                    Score(scores, sharingTopic[topic], SharedTopicPoints);
                foreach (var stem in distinctive[self])
                    Score(scores, sharingTerm[stem], SharedTermPoints);
                scores[self] = 0;
                related[self] = Highest(transcripts, scores);
                Array.Clear(scores);
            }
        });
        return [.. transcripts.Select((t, i) => t with { RelatedSlugs = related[i] })];
    }

    static void Score(int[] scores, int[] sharing, int points)
    {
        foreach (var other in sharing)
            scores[other] += points;
    }

    /// <summary>The slugs of the transcripts that score above nothing, the highest first, then by slug; at most <see cref="RelatedPerTranscript"/>.</summary>
    static string[] Highest(List<ArchivedTranscript> transcripts, int[] scores)
    {
        Span<int> top = stackalloc int[RelatedPerTranscript];
        var count = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] == 0 || (count == top.Length && !RanksBefore(i, top[^1])))
                continue;
            var at = count == top.Length ? count - 1 : count++;
            for (; at > 0 && RanksBefore(i, top[at - 1]); at--)
                top[at] = top[at - 1];
            top[at] = i;
        }
        var slugs = new string[count];
        for (var i = 0; i < count; i++)
            slugs[i] = transcripts[top[i]].Slug;
        return slugs;

        bool RanksBefore(int a, int b) =>
            scores[a] != scores[b] ? scores[a] > scores[b] : string.CompareOrdinal(transcripts[a].Slug, transcripts[b].Slug) < 0;
    }

    /// <summary>For each topic, the indexes of the transcripts that have it (once for each time they list it).</summary>
    static Dictionary<string, int[]> Sharing(IEnumerable<IEnumerable<string>> idsOfTranscripts)
    {
        var lists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var index = 0;
        foreach (var ids in idsOfTranscripts)
        {
            foreach (var id in ids)
                (CollectionsMarshal.GetValueRefOrAddDefault(lists, id, out _) ??= []).Add(index);
            index++;
        }
        var sharing = new Dictionary<string, int[]>(lists.Count, StringComparer.Ordinal);
        foreach (var (id, list) in lists)
            sharing[id] = [.. list];
        return sharing;
    }

    /// <summary>For each stem number, the indexes of the transcripts that have it among their distinctive terms.</summary>
    static int[][] Sharing(int[][] stemsOfTranscripts, int stemCount)
    {
        var counts = new int[stemCount];
        foreach (var stems in stemsOfTranscripts)
            foreach (var stem in stems)
                counts[stem]++;
        var sharing = new int[stemCount][];
        for (var stem = 0; stem < stemCount; stem++)
            sharing[stem] = counts[stem] == 0 ? [] : new int[counts[stem]];
        Array.Clear(counts);
        for (var index = 0; index < stemsOfTranscripts.Length; index++)
            foreach (var stem in stemsOfTranscripts[index])
                sharing[stem][counts[stem]++] = index;
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
        return transcripts.AsParallel().AsOrdered().Select((t, i) => TopItems.Of(
                Weighted(t.StemCounts, numbers[i], rarity),
                DistinctiveTermsPerTranscript,
                (a, b) => b.Weight != a.Weight ? b.Weight.CompareTo(a.Weight) : string.CompareOrdinal(a.Stem, b.Stem))
            .Select(s => s.Number).ToArray())
            .ToArray();
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
