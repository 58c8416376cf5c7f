using System.Collections.Concurrent;
using System.Text;

namespace ArchiveSite.Build;

/// <summary>
/// One string for each distinct text read through it, for cache entries whose strings repeat across entries: the stem
/// counts of 1,000 transcripts hold some 500,000 stems of far fewer distinct words, and each of them a new string kept
/// for the whole build was garbage-collector work in every collection after. Thread-safe.
/// </summary>
public sealed class StringPool
{
    /// <summary>Longer text is rarely repeated, and is decoded without the pool.</summary>
    const int MaxPooledBytes = 64;

    readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _byChars;

    public StringPool() => _byChars = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The text of <paramref name="utf8"/>, as <see cref="Encoding.UTF8"/> decodes it.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxPooledBytes)
            return Encoding.UTF8.GetString(utf8);
        // UTF-8 never takes fewer bytes than UTF-16 takes chars.
        Span<char> chars = stackalloc char[MaxPooledBytes];
        chars = chars[..Encoding.UTF8.GetChars(utf8, chars)];
        if (_byChars.TryGetValue(chars, out var pooled))
            return pooled;
        var text = new string(chars);
        return _strings.GetOrAdd(text, text);
    }
}
