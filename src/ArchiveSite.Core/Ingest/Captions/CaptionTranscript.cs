using ArchiveSite.Ingest.Metadata;
using ArchiveSite.Model;

namespace ArchiveSite.Ingest.Captions;

/// <summary>
/// Merges cues into turns: a turn runs until another speaker is named (voice tag, a proven "Name:"
/// prefix, a dialogue dash); a pause of <see cref="ParagraphPause"/> or more between cues starts a new
/// paragraph. Shared by the WebVTT and SRT readers.
/// </summary>
internal static class CaptionTranscript
{
    public static readonly TimeSpan ParagraphPause = TimeSpan.FromSeconds(2);

    public static Transcript Build(TranscriptBuilder builder, IReadOnlyList<Cue> cues, Sidecar? sidecar)
    {
        if (sidecar is not null)
        {
            var diagnostics = new List<Diagnostic>();
            builder.Metadata = MetadataYamlReader.Read(sidecar.Path, sidecar.Yaml, 1, diagnostics);
            builder.AddDiagnostics(diagnostics);
            builder.Declare(builder.Metadata.Speakers);
        }

        var segments = cues
            .Select(cue => (cue, segments: cue.Lines
                .SelectMany((line, i) => CaptionText.Segments(line, cue.Line + i, builder.Remove))
                .ToList()))
            .ToList();
        var voices = segments.SelectMany(c => c.segments).Select(s => s.Voice).OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var prefixCounts = segments.SelectMany(c => c.segments).Select(s => s.Prefix).OfType<string>()
            .GroupBy(p => p, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        bool IsSpeaker(string name) => voices.Contains(name) || builder.IsDeclared(name) || prefixCounts[name] >= 2;

        TimeSpan? previousEnd = null;
        foreach (var (cue, cueSegments) in segments)
        {
            var firstInCue = true;
            foreach (var segment in cueSegments)
            {
                var text = segment.Text;
                var label = segment.Voice;
                if (segment.Prefix is not null)
                {
                    if (label is null && IsSpeaker(segment.Prefix))
                        label = segment.Prefix;
                    else
                        text = $"{segment.Prefix}: {text}";
                }

                var newTurn = false;
                if (label is not null)
                {
                    var id = builder.SpeakerFor(label);
                    newTurn = segment.Dash || builder.OpenSpeakerId != id;
                    if (newTurn)
                        builder.StartTurn(id, cue.Start, segment.Line, label);
                }
                else if (segment.Dash || !builder.HasOpenTurn)
                {
                    newTurn = true;
                    builder.StartTurn(builder.UnknownSpeaker(), cue.Start, segment.Line, null);
                }

                if (text.Length > 0)
                {
                    var pause = firstInCue && cue.Start - previousEnd >= ParagraphPause;
                    if (newTurn || pause)
                        builder.AddParagraph(text, segment.Line);
                    else
                        builder.AppendToParagraph(text, segment.Line);
                    if (cue.Start is { } start)
                        builder.SetStartIfUnknown(start);
                    firstInCue = false;
                }
            }
            previousEnd = cue.End ?? previousEnd;
        }
        return QuoteAttribution.Attach(builder.Build(), builder.Metadata.Quotes);
    }
}
