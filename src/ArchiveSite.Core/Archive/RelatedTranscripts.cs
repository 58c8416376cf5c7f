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

    /// <summary>The stems of more than two letters used more than once and not by every transcript, by count times rarity.</summary>
    static IEnumerable<(string Stem, double Weight)> Weighted(IReadOnlyCollection<KeyValuePair<string, int>> stemCounts, Dictionary<string, double> rarity)
    {
        foreach (var (stem, count) in stemCounts)
            if (stem.Length > 2 && count > 1 && rarity.TryGetValue(stem, out var weight))
                yield return (stem, count * weight);
    }

    static Dictionary<string, string[]> DistinctiveTerms(List<ArchivedTranscript> transcripts)
    {
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var transcript in transcripts)
            foreach (var (stem, _) in transcript.StemCounts)
                CollectionsMarshal.GetValueRefOrAddDefault(documentFrequency, stem, out _)++;
        var count = transcripts.Count;
        // A stem every transcript has distinguishes none; the others weigh by how rare they are.
        var rarity = documentFrequency.Where(d => d.Value < count)
            .ToDictionary(d => d.Key, d => Math.Log((double)count / d.Value), StringComparer.Ordinal);
        var terms = transcripts.AsParallel().AsOrdered().Select(t => TopItems.Of(
                Weighted(t.StemCounts, rarity),
                DistinctiveTermsPerTranscript,
                (a, b) => b.Weight != a.Weight ? b.Weight.CompareTo(a.Weight) : string.CompareOrdinal(a.Stem, b.Stem)))
            .ToList();
        return transcripts.Select((t, i) => (t.Slug, Terms: terms[i].Select(s => s.Stem).ToArray()))
            .ToDictionary(x => x.Slug, x => x.Terms, StringComparer.Ordinal);
    }
}
