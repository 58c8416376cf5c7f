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
    const double SharedTopicWeight = 1.0;
    const double SharedTermWeight = 0.25;

    public static List<ArchivedTranscript> Add(List<ArchivedTranscript> transcripts)
    {
        var distinctive = DistinctiveTerms(transcripts);
        var sharingTopic = transcripts.SelectMany((t, i) => t.TopicIds.Select(id => (Id: id, Index: i)))
            .ToLookup(x => x.Id, x => x.Index, StringComparer.Ordinal);
        var sharingTerm = transcripts.SelectMany((t, i) => distinctive[t.Slug].Select(stem => (Stem: stem, Index: i)))
            .ToLookup(x => x.Stem, x => x.Index, StringComparer.Ordinal);

        // Scores by transcript index, not in a dictionary: in an archive with a small vocabulary one term is
        // shared by hundreds of transcripts, so this adds millions of times.
        return transcripts.AsParallel().AsOrdered().Select((t, self) =>
        {
            var scores = new double[transcripts.Count];
            void Score(IEnumerable<int> sharing, double weight)
            {
                foreach (var other in sharing)
                    if (other != self)
                        scores[other] += weight;
            }
            foreach (var topic in t.TopicIds)
                Score(sharingTopic[topic], SharedTopicWeight);
            foreach (var stem in distinctive[t.Slug])
                Score(sharingTerm[stem], SharedTermWeight);
            var related = TopItems.Of(Enumerable.Range(0, scores.Length).Where(i => scores[i] > 0), RelatedPerTranscript,
                (a, b) => scores[b] != scores[a] ? scores[b].CompareTo(scores[a]) : string.CompareOrdinal(transcripts[a].Slug, transcripts[b].Slug));
            return t with { RelatedSlugs = [.. related.Select(i => transcripts[i].Slug)] };
        }).ToList();
    }

    /// <summary>
    /// Each transcript's stems of more than two letters used more than once and not by every transcript, by count
    /// times rarity, the highest first.
    /// </summary>
    static Dictionary<string, string[]> DistinctiveTerms(List<ArchivedTranscript> transcripts)
    {
        // Each stem is numbered where it is first met, and each transcript's stems are kept as numbers: weighing them
        // then reads document frequencies by number instead of hashing every stem of the archive (1.2 million for
        // 1,000 transcripts) a second time.
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var documentFrequency = new List<int>();
        var numbered = new int[transcripts.Count][];
        for (var t = 0; t < transcripts.Count; t++)
        {
            var stems = new int[transcripts[t].StemCounts.Count];
            var at = 0;
            foreach (var (stem, _) in transcripts[t].StemCounts)
            {
                ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(numbers, stem, out var known);
                if (!known)
                {
                    number = documentFrequency.Count;
                    documentFrequency.Add(0);
                }
                CollectionsMarshal.AsSpan(documentFrequency)[number]++;
                stems[at++] = number;
            }
            numbered[t] = stems;
        }
        var count = transcripts.Count;
        // A stem every transcript has distinguishes none; the others weigh by how rare they are.
        var rarity = new double[count];
        for (var frequency = 1; frequency < count; frequency++)
            rarity[frequency] = Math.Log((double)count / frequency);
        var terms = Enumerable.Range(0, count).AsParallel().AsOrdered().Select(t => TopItems.Of(
                Weighted(transcripts[t].StemCounts, numbered[t], documentFrequency, rarity),
                DistinctiveTermsPerTranscript,
                (a, b) => b.Weight != a.Weight ? b.Weight.CompareTo(a.Weight) : string.CompareOrdinal(a.Stem, b.Stem)))
            .ToList();
        return transcripts.Select((t, i) => (t.Slug, Terms: terms[i].Select(s => s.Stem).ToArray()))
            .ToDictionary(x => x.Slug, x => x.Terms, StringComparer.Ordinal);
    }

    /// <param name="numbers">The number of each stem of <paramref name="stemCounts"/>, in its order.</param>
    static IEnumerable<(string Stem, double Weight)> Weighted(IReadOnlyCollection<KeyValuePair<string, int>> stemCounts, int[] numbers,
        List<int> documentFrequency, double[] rarity)
    {
        var at = 0;
        foreach (var (stem, count) in stemCounts)
        {
            var frequency = documentFrequency[numbers[at++]];
            if (stem.Length > 2 && count > 1 && frequency < rarity.Length)
                yield return (stem, count * rarity[frequency]);
        }
    }
}
