namespace ArchiveSite.Archive;

/// <summary>How often one topic's terms occur in a run of stems, and where first.</summary>
public readonly record struct TopicHit(string TopicId, int Hits, string FirstStem);

/// <summary>
/// Finds topics' terms in text by stem: each term (a word or a phrase) becomes a sequence of stems, and a
/// hit is that sequence appearing consecutively in the text's stems. Stop words are not stems, so
/// "present moment" also matches "present in the moment", as a lunr search for the phrase's words would.
/// </summary>
public sealed class TopicMatcher
{
    readonly Dictionary<string, List<(string TopicId, string[] Phrase)>> _phrasesByFirstStem = new(StringComparer.Ordinal);

    public TopicMatcher(IEnumerable<TopicEntry> topics)
    {
        foreach (var topic in topics)
            foreach (var term in topic.Terms.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var phrase = WordStems.Of(term).ToArray();
                if (phrase.Length == 0)
                    continue;
                if (!_phrasesByFirstStem.TryGetValue(phrase[0], out var list))
                    _phrasesByFirstStem[phrase[0]] = list = [];
                list.Add((topic.Id, phrase));
            }
    }

    /// <summary>Topics found in <paramref name="stems"/>, ordered by topic id.</summary>
    public IReadOnlyList<TopicHit> Match(IReadOnlyList<string> stems)
    {
        var hits = new Dictionary<string, (int Count, string First)>(StringComparer.Ordinal);
        for (var i = 0; i < stems.Count; i++)
        {
            if (!_phrasesByFirstStem.TryGetValue(stems[i], out var candidates))
                continue;
            foreach (var (topicId, phrase) in candidates)
            {
                if (!StartsAt(stems, i, phrase))
                    continue;
                hits[topicId] = hits.TryGetValue(topicId, out var seen) ? (seen.Count + 1, seen.First) : (1, phrase[0]);
            }
        }
        // Topic ids sorted as strings, not LINQ over the (id, (count, first)) pairs: that was JIT-compiled in every fresh process.
        var topicIds = new List<string>(hits.Keys);
        topicIds.Sort(StringComparer.Ordinal);
        var found = new TopicHit[topicIds.Count];
        for (var i = 0; i < found.Length; i++)
        {
            var (count, first) = hits[topicIds[i]];
            found[i] = new TopicHit(topicIds[i], count, first);
        }
        return found;
    }

    static bool StartsAt(IReadOnlyList<string> stems, int start, string[] phrase)
    {
        if (start + phrase.Length > stems.Count)
            return false;
        for (var j = 1; j < phrase.Length; j++)
            if (!string.Equals(stems[start + j], phrase[j], StringComparison.Ordinal))
                return false;
        return true;
    }
}
