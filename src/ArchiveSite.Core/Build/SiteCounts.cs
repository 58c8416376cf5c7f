using System.Text.Json;
using ArchiveSite.Output;

namespace ArchiveSite.Build;

/// <summary>
/// What a build's summary counts. Kept in the build cache with the input hash they were counted for, so a
/// rebuild that never needed the archive (see <see cref="SiteSource"/>) can still say what it built.
/// </summary>
public sealed record SiteCounts(int Transcripts, int Pages, int Quotes, int Speakers, int Topics)
{
    const string FileName = "site-counts.json";

    public static SiteCounts Of(SiteModel site) =>
        new(site.Archive.Transcripts.Count, site.Pages.Count, site.Archive.Quotes.Count, site.Archive.People.Count, site.Archive.Topics.Count);

    /// <summary>The counts kept for <paramref name="inputHash"/>; null when none are (or they cannot be read).</summary>
    public static SiteCounts? Load(string cacheDirectory, string inputHash)
    {
        try
        {
            var kept = JsonSerializer.Deserialize<Kept>(File.ReadAllBytes(Path.Combine(cacheDirectory, FileName)));
            return kept?.InputHash == inputHash ? kept.Counts : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>A cache that cannot be written only costs time, so that is not an error.</summary>
    public void Save(string cacheDirectory, string inputHash)
    {
        try
        {
            AtomicFile.Write(Path.Combine(cacheDirectory, FileName), stream => JsonSerializer.Serialize(stream, new Kept(inputHash, this)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    sealed record Kept(string InputHash, SiteCounts Counts);
}
