using System.Text;
using ArchiveSite.Model;
using ArchiveSite.Output;

namespace ArchiveSite.Build;

/// <summary>
/// What the last successful build into an output folder was made from and what it left there, kept in the build
/// cache beside the folder's manifest: enough for the next build to tell that nothing changed and to say again what
/// that build said, without building.
/// </summary>
/// <param name="Inputs">See <see cref="BuildInputs.Fingerprint"/>.</param>
/// <param name="Output">See <see cref="OutputFingerprint"/>.</param>
/// <param name="FilesWritten">Files in the site.</param>
/// <param name="InputDiagnostics">What the input phase reported (the files, every transcript), in order.</param>
/// <param name="OutputDiagnostics">What the output steps reported, in order. Kept apart because a strict build stops on the input's.</param>
public sealed record LastBuild(string Inputs, string Output, int FilesWritten, SiteCounts Counts, SearchIndexSize SearchIndex,
    IReadOnlyList<Diagnostic> InputDiagnostics, IReadOnlyList<Diagnostic> OutputDiagnostics)
{
    /// <summary>Changes whenever the layout below does, so an old file is never misread.</summary>
    const int FormatVersion = 1;

    public static string FileFor(string cacheDirectory, string outputDirectory) =>
        Path.ChangeExtension(OutputManifest.FileFor(cacheDirectory, outputDirectory), ".last-build");

    /// <summary>The record in <paramref name="file"/>; null when there is none or it cannot be read.</summary>
    public static LastBuild? Load(string file)
    {
        try
        {
            var reader = new CacheBytesReader(File.ReadAllBytes(file));
            if (reader.ReadInt32() != FormatVersion)
                return null;
            var last = new LastBuild(reader.ReadString(), reader.ReadString(), reader.ReadInt32(),
                new SiteCounts(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32()),
                new SearchIndexSize(reader.ReadInt32(), reader.ReadInt64()), reader.ReadDiagnostics(), reader.ReadDiagnostics());
            return reader.AtEnd ? last : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>A record that cannot be written only costs the next build its shortcut, so that is not an error.</summary>
    public void Save(string file)
    {
        try
        {
            AtomicFile.Write(file, stream =>
            {
                using var writer = new BinaryWriter(stream, Encoding.UTF8);
                writer.Write(FormatVersion);
                writer.Write(Inputs);
                writer.Write(Output);
                writer.Write(FilesWritten);
                writer.Write(Counts.Transcripts);
                writer.Write(Counts.Pages);
                writer.Write(Counts.Quotes);
                writer.Write(Counts.Speakers);
                writer.Write(Counts.Topics);
                writer.Write(SearchIndex.Shards);
                writer.Write(SearchIndex.Bytes);
                writer.WriteDiagnostics(InputDiagnostics);
                writer.WriteDiagnostics(OutputDiagnostics);
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
