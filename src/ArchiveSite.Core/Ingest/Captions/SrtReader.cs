using ArchiveSite.Model;

namespace ArchiveSite.Ingest.Captions;

/// <summary>
/// SubRip captions: numbered cues, "00:00:01,000 --> 00:00:02,000" timings (optionally with coordinates),
/// text with &lt;i&gt;/&lt;b&gt;/&lt;font&gt; tags and {\an8}-style overrides. Rules and examples:
/// tests/ArchiveSite.Tests/Ingest/Specs/srt.md.
/// </summary>
public static class SrtReader
{
    public static Transcript Read(string sourcePath, string text, Sidecar? sidecar)
    {
        var builder = new TranscriptBuilder(sourcePath);
        var cues = CaptionBlocks.Split(text).Select(block => CaptionBlocks.ToCue(block, builder)).ToList();
        return CaptionTranscript.Build(builder, cues, sidecar);
    }
}
