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
        var distinctive = DistinctiveTerms(transcripts);
        var sharingTopic = Sharing(transcripts.Select(t => t.TopicIds));
        var sharingTerm = Sharing(distinctive);

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

    /// <summary>For each topic or term, the indexes of the transcripts that have it (once for each time they list it).</summary>
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

    /// <summary>The stems of more than two letters used more than once and not by every transcript, by count times rarity.</summary>
    static IEnumerable<(string Stem, double Weight)> Weighted(IReadOnlyCollection<KeyValuePair<string, int>> stemCounts, Dictionary<string, double> rarity)
    {
        foreach (var (stem, count) in stemCounts)
            if (stem.Length > 2 && count > 1 && rarity.TryGetValue(stem, out var weight))
                yield return (stem, count * weight);
    }

    /// <summary>Each transcript's distinctive terms, by transcript index.</summary>
    static string[][] DistinctiveTerms(List<ArchivedTranscript> transcripts)
    {
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var transcript in transcripts)
            foreach (var (stem, _) in transcript.StemCounts)
                CollectionsMarshal.GetValueRefOrAddDefault(documentFrequency, stem, out _)++;
        var count = transcripts.Count;
        // A stem every transcript has distinguishes none; the others weigh by how rare they are.
        var rarity = documentFrequency.Where(d => d.Value < count)
            .ToDictionary(d => d.Key, d => Math.Log((double)count / d.Value), StringComparer.Ordinal);
        return transcripts.AsParallel().AsOrdered().Select(t => TopItems.Of(
                Weighted(t.StemCounts, rarity),
                DistinctiveTermsPerTranscript,
                (a, b) => b.Weight != a.Weight ? b.Weight.CompareTo(a.Weight) : string.CompareOrdinal(a.Stem, b.Stem))
            .Select(s => s.Stem).ToArray())
            .ToArray();
    }
}
