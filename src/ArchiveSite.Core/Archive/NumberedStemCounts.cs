namespace ArchiveSite.Archive;

/// <summary>Gives each distinct stem a number, the same for every transcript numbered by it (see <see cref="NumberedStemCounts"/>).</summary>
public interface IStemNumbering
{
    /// <summary>Every number given so far is below this.</summary>
    int NumberBound { get; }
}

/// <summary>
/// Stem counts (<see cref="ArchivedTranscript.StemCounts"/>) with each stem's number in a numbering shared by the transcripts
/// of a build: related transcripts count every stem of the archive (1.2 million for 1,000 transcripts) by number instead
/// of hashing each once more.
/// </summary>
/// <param name="numbers">The number of each stem of <paramref name="counts"/>, in the same order.</param>
public sealed class NumberedStemCounts(KeyValuePair<string, int>[] counts, int[] numbers, IStemNumbering numbering)
    : IReadOnlyCollection<KeyValuePair<string, int>>
{
    public KeyValuePair<string, int>[] Counts { get; } = counts;
    public int[] Numbers { get; } = numbers;
    public IStemNumbering Numbering { get; } = numbering;


    public int Count => Counts.Length;

    public IEnumerator<KeyValuePair<string, int>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, int>>)Counts).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
