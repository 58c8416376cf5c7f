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
        var byTopic = transcripts.SelectMany(t => t.TopicIds.Select(id => (Key: "topic:" + id, t.Slug)));
        var byTerm = transcripts.SelectMany(t => distinctive[t.Slug].Select(stem => (Key: "term:" + stem, t.Slug)));
        var sharing = byTopic.Concat(byTerm).ToLookup(x => x.Key, x => x.Slug, StringComparer.Ordinal);

        return transcripts.Select(t =>
        {
            var scores = new Dictionary<string, double>(StringComparer.Ordinal);
            void Score(string key, double weight)
            {
                foreach (var other in sharing[key])
                    if (other != t.Slug)
                        scores[other] = scores.GetValueOrDefault(other) + weight;
            }
            foreach (var topic in t.TopicIds)
                Score("topic:" + topic, SharedTopicWeight);
            foreach (var stem in distinctive[t.Slug])
                Score("term:" + stem, SharedTermWeight);
            var related = scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal)
                .Take(RelatedPerTranscript).Select(s => s.Key).ToList();
            return t with { RelatedSlugs = related };
        }).ToList();
    }

    static Dictionary<string, string[]> DistinctiveTerms(List<ArchivedTranscript> transcripts)
    {
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var stem in transcripts.SelectMany(t => t.StemCounts.Keys))
            documentFrequency[stem] = documentFrequency.GetValueOrDefault(stem) + 1;
        var count = transcripts.Count;
        return transcripts.ToDictionary(t => t.Slug, t => t.StemCounts
            .Where(s => s.Key.Length > 2 && s.Value > 1 && documentFrequency[s.Key] < count)
            .Select(s => (Stem: s.Key, Weight: s.Value * Math.Log((double)count / documentFrequency[s.Key])))
            .OrderByDescending(s => s.Weight).ThenBy(s => s.Stem, StringComparer.Ordinal)
            .Take(DistinctiveTermsPerTranscript)
            .Select(s => s.Stem).ToArray(), StringComparer.Ordinal);
    }
}
