using System.Numerics;

namespace ArchiveSite.Archive;

/// <summary>
/// One transcript's scores against every transcript of the archive, bit-sliced: for each block of 64 transcripts,
/// one word holds bit 0 of their 64 scores, the next bit 1, and so on. Adding points for a topic or term shared by
/// many transcripts then costs a few word operations per 64 of them instead of an addition each, and the highest
/// scores are found 64 transcripts at a time instead of by looking at every score. Relating every transcript to
/// every other stays quadratic (with the synthetic archives' vocabulary each transcript shares a term with every
/// other), but this part of it shrinks by a factor of about 64.
/// </summary>
sealed class SlicedScores
{
    readonly int _bits;
    readonly ulong[] _slices;
    readonly ulong[] _left;
    readonly ulong[] _best;

    /// <param name="count">Transcripts scored.</param>
    /// <param name="maxScore">No score exceeds it, so a carry never runs past the top slice.</param>
    public SlicedScores(int count, int maxScore)
    {
        var words = (count + 63) / 64;
        _bits = 64 - BitOperations.LeadingZeroCount((ulong)maxScore);
        _slices = new ulong[words * _bits];
        _left = new ulong[words];
        _best = new ulong[words];
    }

    public void Clear() => Array.Clear(_slices);

    /// <summary>Adds <paramref name="points"/> (a power of two) to the score of each transcript whose bit is set.</summary>
    public void Add(ReadOnlySpan<ulong> holders, int points)
    {
        var slice = BitOperations.Log2((uint)points);
        for (var word = 0; word < holders.Length; word++)
            Carry(word, slice, holders[word]);
    }

    /// <summary>Adds <paramref name="points"/> (a power of two) to the score of each transcript index listed, once per listing.</summary>
    public void Add(ReadOnlySpan<int> holders, int points)
    {
        var slice = BitOperations.Log2((uint)points);
        foreach (var index in holders)
            Carry(index >> 6, slice, 1UL << index);
    }

    /// <summary>Adds the bits of <paramref name="carry"/>, as a binary adder does, into the slices of one word from <paramref name="slice"/> up.</summary>
    void Carry(int word, int slice, ulong carry)
    {
        var end = (word + 1) * _bits;
        for (var at = word * _bits + slice; carry != 0 && at < end; at++)
        {
            var before = _slices[at];
            _slices[at] = before ^ carry;
            carry &= before;
        }
    }

    public void Zero(int index)
    {
        var keep = ~(1UL << index);
        var first = (index >> 6) * _bits;
        for (var at = first; at < first + _bits; at++)
            _slices[at] &= keep;
    }

    /// <summary>
    /// Fills <paramref name="top"/> with the indexes that score above zero, the highest score first and, among equal
    /// scores, the lowest index first; returns how many it found (fewer than asked when fewer score above zero).
    /// </summary>
    public int Highest(Span<int> top)
    {
        // Scores past the last transcript are zero, so those bits never rank.
        Array.Fill(_left, ulong.MaxValue);
        var found = 0;
        while (found < top.Length && HighestLeft())
            for (var word = 0; word < _best.Length && found < top.Length; word++)
                for (var bits = _best[word]; bits != 0 && found < top.Length; bits &= bits - 1)
                {
                    var index = word * 64 + BitOperations.TrailingZeroCount(bits);
                    top[found++] = index;
                    _left[word] &= ~(1UL << index);
                }
        return found;
    }

    /// <summary>
    /// Sets <c>_best</c> to the indexes still left whose score is the highest among them, from the top slice down:
    /// where some of the candidates have the slice's bit set, the others drop out. False when that score is zero.
    /// </summary>
    bool HighestLeft()
    {
        _left.CopyTo(_best, 0);
        var above = false;
        for (var slice = _bits - 1; slice >= 0; slice--)
        {
            var any = 0UL;
            for (var word = 0; word < _best.Length; word++)
                any |= _best[word] & _slices[word * _bits + slice];
            if (any == 0)
                continue;
            above = true;
            for (var word = 0; word < _best.Length; word++)
                _best[word] &= _slices[word * _bits + slice];
        }
        return above;
    }
}
