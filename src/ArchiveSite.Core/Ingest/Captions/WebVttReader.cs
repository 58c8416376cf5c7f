using ArchiveSite.Model;

namespace ArchiveSite.Ingest.Captions;

/// <summary>
/// WebVTT captions: the "WEBVTT" header, cues (optional id, timing with optional settings, text with
/// tags), NOTE, STYLE and REGION blocks. Rules and examples: tests/ArchiveSite.Tests/Ingest/Specs/webvtt.md.
/// </summary>
public static class WebVttReader
{
    public static Transcript Read(string sourcePath, string text, Sidecar? sidecar)
    {
        var builder = new TranscriptBuilder(sourcePath);
        var blocks = CaptionBlocks.Split(text);
        var cues = new List<Cue>();
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            var first = block.Lines[0];
            if (b == 0 && first.StartsWith("WEBVTT", StringComparison.Ordinal))
            {
                foreach (var (line, i) in block.Lines.Skip(1).Select((l, i) => (l, i)))
                    builder.Remove(block.Line + 1 + i, "header", line);
                continue;
            }
            if (b == 0)
                builder.Warn(block.Line, "a WebVTT file should start with a 'WEBVTT' line; read it anyway");
            var kind = BlockKind(first);
            if (kind is not null)
            {
                for (var i = 0; i < block.Lines.Count; i++)
                    builder.Remove(block.Line + i, kind, block.Lines[i]);
                continue;
            }
            cues.Add(CaptionBlocks.ToCue(block, builder));
        }
        return CaptionTranscript.Build(builder, cues, sidecar);
    }

    static string? BlockKind(string firstLine) => firstLine switch
    {
        "NOTE" => "note",
        _ when firstLine.StartsWith("NOTE ", StringComparison.Ordinal) || firstLine.StartsWith("NOTE\t", StringComparison.Ordinal) => "note",
        "STYLE" => "style",
        "REGION" => "region",
        _ => null,
    };
}
