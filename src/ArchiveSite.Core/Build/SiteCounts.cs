using System.Text.Json;
using System.Text.Json.Serialization;
using ArchiveSite.Output;

namespace ArchiveSite.Build;

/// <summary>
/// What a build's summary counts. Kept in the build cache with the input hash they were counted for, so a
/// rebuild that never needed the archive (see <see cref="SiteSource"/>) can still say what it built.
/// </summary>
public sealed partial record SiteCounts(int Transcripts, int Pages, int Quotes, int Speakers, int Topics)
{
    const string FileName = "site-counts.json";

    public static SiteCounts Of(SiteModel site) =>
        new(site.Archive.Transcripts.Count, site.Pages.Count, site.Archive.Quotes.Count, site.Archive.People.Count, site.Archive.Topics.Count);

    /// <summary>The counts kept for <paramref name="inputHash"/>; null when none are (or they cannot be read).</summary>
    public static SiteCounts? Load(string cacheDirectory, string inputHash)
    {
        try
        {
            var kept = JsonSerializer.Deserialize(File.ReadAllBytes(Path.Combine(cacheDirectory, FileName)), KeptJson.Default.Kept);
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
            AtomicFile.Write(Path.Combine(cacheDirectory, FileName), stream => JsonSerializer.Serialize(stream, new Kept(inputHash, this), KeptJson.Default.Kept));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    sealed record Kept(string InputHash, SiteCounts Counts);

    /// <summary>Kept's JSON metadata, generated at compile time: reflection would cost a fresh process's rebuild time.</summary>
    [JsonSerializable(typeof(Kept))]
    sealed partial class KeptJson : JsonSerializerContext;
}
