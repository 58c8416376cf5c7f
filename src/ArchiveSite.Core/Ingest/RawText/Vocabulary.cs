using System.Collections;

namespace ArchiveSite.Ingest.RawText;

/// <summary>
/// The words a document uses (lowercase, hyphenated compounds kept whole), to settle line-end hyphens.
/// Gathered on first use: most documents have no line-end hyphen to settle, and gathering reads every word.
/// </summary>
internal sealed class Vocabulary(IReadOnlyList<ClassifiedLine> lines) : IReadOnlySet<string>
{
    HashSet<string>? words;

    HashSet<string> Words => words ??= Gather(lines);

    public int Count => Words.Count;
    public bool Contains(string item) => Words.Contains(item);
    public bool IsProperSubsetOf(IEnumerable<string> other) => Words.IsProperSubsetOf(other);
    public bool IsProperSupersetOf(IEnumerable<string> other) => Words.IsProperSupersetOf(other);
    public bool IsSubsetOf(IEnumerable<string> other) => Words.IsSubsetOf(other);
    public bool IsSupersetOf(IEnumerable<string> other) => Words.IsSupersetOf(other);
    public bool Overlaps(IEnumerable<string> other) => Words.Overlaps(other);
    public bool SetEquals(IEnumerable<string> other) => Words.SetEquals(other);
    public IEnumerator<string> GetEnumerator() => Words.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    static HashSet<string> Gather(IReadOnlyList<ClassifiedLine> lines)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[128];
        foreach (var line in lines)
        {
            if (line.Kind is not (LineKind.Body or LineKind.Label))
                continue;
            var text = line.Text.AsSpan();
            foreach (var range in text.Split(' '))
            {
                var word = text[range].Trim("\"“”‘’'.,;:!?()[]…—–-/");
                if (word.Length <= 2)
                    continue;
                if (word.Length <= lower.Length)
                    lookup.Add(lower[..word.ToLowerInvariant(lower)]);
                else
                    words.Add(word.ToString().ToLowerInvariant());
            }
        }
        return words;
    }
}
