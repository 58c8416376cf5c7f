using ArchiveSite.Build;
using ArchiveSite.Output;

namespace ArchiveSite.Cards;

/// <summary>
/// The characters no card font has (<see cref="CardFonts.Uncovered(string?[])"/>) of every card of the last build,
/// by card key (<see cref="CardRenderer.Key"/>), kept in the build cache: a rebuild reports the same warnings as a
/// clean build without opening a font for the cards it keeps (on one changed transcript of 1,000, opening them to
/// check was half the step). A key names the card's text and the fonts' versions, so what it maps to never goes
/// stale; a card whose key is not here is checked against the fonts.
/// </summary>
public static class CardCoverage
{
    /// <summary>Bump when the layout below changes, so an old file is never misread.</summary>
    const int Format = 1;

    public static string FileFor(string cacheDirectory) => Path.Combine(cacheDirectory, "card-coverage.pack");

    /// <returns>The uncovered characters by card key; empty when there is no file or it cannot be read.</returns>
    public static Dictionary<string, int[]> Load(string file)
    {
        try
        {
            var reader = new CacheBytesReader(File.ReadAllBytes(file));
            if (reader.ReadInt32() != Format)
                return [];
            var coverage = reader.ReadDictionary(reader.ReadString, () => reader.ReadList(reader.ReadInt32));
            return reader.AtEnd ? coverage : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <param name="uncovered">Each card's uncovered characters, by the card's key (cards with the same text share one).</param>
    /// <remarks>
    /// A file that cannot be written only costs the next build a check against the fonts, so that is not an error:
    /// builds sharing one cache (tests run in parallel) may write it at the same moment.
    /// </remarks>
    public static void Save(string file, IReadOnlyList<string> keys, IReadOnlyList<IReadOnlyList<int>> uncovered)
    {
        var byKey = new Dictionary<string, IReadOnlyList<int>>(keys.Count, StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
            byKey.TryAdd(keys[i], uncovered[i]);
        try
        {
            AtomicFile.Write(file, stream =>
            {
                using var writer = new BinaryWriter(new BufferedStream(stream, 1 << 16), System.Text.Encoding.UTF8);
                writer.Write(Format);
                writer.WriteList(byKey, pair =>
                {
                    writer.Write(pair.Key);
                    writer.WriteList(pair.Value, writer.Write);
                });
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
