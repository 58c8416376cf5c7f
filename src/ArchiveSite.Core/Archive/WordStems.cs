using Lunr;

namespace ArchiveSite.Archive;

/// <summary>
/// The words of a text as lunr.js indexes them (lowercased, trimmed, stop words dropped, Porter-stemmed),
/// in order. Topic terms and turns go through the same function, so "compassionate" in a turn meets
/// "compassion" in topics.yml, and a topic's passages are the ones a search for its terms finds.
/// </summary>
public static class WordStems
{
    public static IReadOnlyList<string> Of(string text) => TextAnalyzer.Indexing.Terms(text);
}
