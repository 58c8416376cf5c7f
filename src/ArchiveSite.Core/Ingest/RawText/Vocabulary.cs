using System.Buffers;
using System.Collections;
using System.Runtime.CompilerServices;

namespace ArchiveSite.Ingest.RawText;

/// <summary>
/// The words a document uses (lowercase, hyphenated compounds kept whole), to settle line-end hyphens: the
/// space-separated words of its body and label lines, without the punctuation around them, longer than two.
/// A document asks about a handful of words, so <see cref="Contains"/> searches the lowercased text for
/// them rather than collecting every word into a set first (which costs more than the rest of the reflow).
/// The lowercased text is about as long as the document, so it lives in a pooled buffer until disposal.
/// </summary>
internal sealed class Vocabulary(IReadOnlyList<ClassifiedLine> lines) : IReadOnlySet<string>, IDisposable
{
    const string Punctuation = "\"“”‘’'.,;:!?()[]…—–-/";

    HashSet<string>? words;
    char[]? buffer;
    int[]? lineEnds;

    HashSet<string> Words => words ??= Gather(lines);

    // AggressiveOptimization keeps these hot loops JIT-compiled: crossgen2 skips them (ReadyToRunPackages.targets).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Contains(string item)
    {
        if (words is not null)
            return words.Contains(item);
        if (item.Length <= 2 || item.Contains(' ') || Punctuation.Contains(item[0]) || Punctuation.Contains(item[^1]))
            return false;
        if (buffer is null)
            (buffer, lineEnds) = Lowered(lines);
        ReadOnlySpan<char> lowered = buffer.AsSpan(0, lineEnds!.Length == 0 ? 0 : lineEnds[^1]);
        for (var at = lowered.IndexOf(item); at >= 0; at = NextAt(lowered, item, at))
            if (IsWholeWord(lowered, lineEnds, at, item.Length))
                return true;
        return false;
    }

    static int NextAt(ReadOnlySpan<char> lowered, string item, int at)
    {
        var next = lowered[(at + 1)..].IndexOf(item);
        return next < 0 ? -1 : at + 1 + next;
    }

    public void Dispose()
    {
        if (buffer is not null)
            ArrayPool<char>.Shared.Return(buffer);
        buffer = null;
    }

    /// <summary>The match, with only punctuation between it and the spaces or line ends around it, is a word.</summary>
    static bool IsWholeWord(ReadOnlySpan<char> text, int[] lineEnds, int at, int length)
    {
        int line = 0, after = lineEnds.Length;
        while (line < after)
        {
            var middle = (line + after) / 2;
            if (lineEnds[middle] <= at)
                line = middle + 1;
            else
                after = middle;
        }
        var lineStart = line == 0 ? 0 : lineEnds[line - 1];
        var lineEnd = lineEnds[line];
        if (at + length > lineEnd)
            return false;
        for (var i = at - 1; i >= lineStart && text[i] != ' '; i--)
            if (!Punctuation.Contains(text[i]))
                return false;
        for (var i = at + length; i < lineEnd && text[i] != ' '; i++)
            if (!Punctuation.Contains(text[i]))
                return false;
        return true;
    }

    /// <summary>The word-bearing lines lowercased one after another (lowercasing keeps lengths), and the offset where each ends.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static (char[], int[]) Lowered(IReadOnlyList<ClassifiedLine> lines)
    {
        var wordLines = lines.Where(line => line.Kind is LineKind.Body or LineKind.Label).Select(line => line.Text).ToList();
        var ends = new int[wordLines.Count];
        var length = 0;
        for (var i = 0; i < wordLines.Count; i++)
            ends[i] = length += wordLines[i].Length;
        var lowered = ArrayPool<char>.Shared.Rent(length);
        var rest = lowered.AsSpan();
        foreach (var text in wordLines)
            rest = rest[text.AsSpan().ToLowerInvariant(rest)..];
        return (lowered, ends);
    }

    public int Count => Words.Count;
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
        foreach (var line in lines)
        {
            if (line.Kind is not (LineKind.Body or LineKind.Label))
                continue;
            foreach (var token in line.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var word = token.AsSpan().Trim(Punctuation);
                if (word.Length > 2)
                    words.Add(word.ToString().ToLowerInvariant());
            }
        }
        return words;
    }
}
