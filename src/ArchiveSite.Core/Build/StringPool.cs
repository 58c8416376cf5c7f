using System.Collections.Concurrent;
using System.Text;
using ArchiveSite.Archive;

namespace ArchiveSite.Build;

/// <summary>
/// One string for each distinct text read through it, for cache entries whose strings repeat across entries: the stem
/// counts of 1,000 transcripts hold some 500,000 stems of far fewer distinct words, and each of them a new string kept
/// for the whole build was garbage-collector work in every collection after. Each distinct text also gets a number
/// (see <see cref="IStemNumbering"/>), so that what counts stems across transcripts need not hash them again. Thread-safe.
/// </summary>
public sealed class StringPool : IStemNumbering
{
    /// <summary>Longer text is rarely repeated, and is decoded without the pool.</summary>
    const int MaxPooledBytes = 64;

    readonly ConcurrentDictionary<string, int> _strings = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _byChars;
    int _numbered;

    public StringPool() => _byChars = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Every number given so far is below this (a text added by two threads at once may use up two).</summary>
    public int NumberBound => Volatile.Read(ref _numbered);

    /// <summary>The text of <paramref name="utf8"/>, as <see cref="Encoding.UTF8"/> decodes it.</summary>
    public string Get(ReadOnlySpan<byte> utf8) =>
        utf8.Length > MaxPooledBytes ? Encoding.UTF8.GetString(utf8) : Get(utf8, out _);

    /// <summary>The text of <paramref name="utf8"/> and its <paramref name="number"/>, the same for every equal text (long text is pooled too).</summary>
    public string Get(ReadOnlySpan<byte> utf8, out int number)
    {
        if (utf8.Length > MaxPooledBytes)
            return Get(Encoding.UTF8.GetString(utf8), out number);
        // UTF-8 never takes fewer bytes than UTF-16 takes chars.
        Span<char> chars = stackalloc char[MaxPooledBytes];
        chars = chars[..Encoding.UTF8.GetChars(utf8, chars)];
        return _byChars.TryGetValue(chars, out var pooled, out number) ? pooled : Add(new string(chars), out number);
    }

    /// <summary>The pool's instance of <paramref name="text"/> and its <paramref name="number"/>.</summary>
    public string Get(string text, out int number) =>
        _byChars.TryGetValue(text, out var pooled, out number) ? pooled : Add(text, out number);

    string Add(string text, out int number)
    {
        number = _strings.GetOrAdd(text, static (_, pool) => Interlocked.Increment(ref pool._numbered) - 1, this);
        // Another thread may have added an equal text first: its instance is the pool's.
        return _byChars.TryGetValue(text, out var pooled, out _) ? pooled : text;
    }
}
