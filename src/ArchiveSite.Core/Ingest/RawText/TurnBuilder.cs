using System.Text;

namespace ArchiveSite.Ingest.RawText;

/// <summary>A turn before speakers are resolved: the label as printed (null when the document has none).</summary>
internal sealed record DraftTurn(SpeakerLabel? Label, int Line, List<string> Paragraphs);

internal sealed record DraftSection(string? Heading, int Line, List<DraftTurn> Turns);

/// <summary>
/// Cuts the body into sections at headings and into turns at speaker labels, reflowing each turn's lines
/// into paragraphs. Text before any label (a document without labels) forms a turn with no label.
/// </summary>
internal static class TurnBuilder
{
    public static List<DraftSection> Build(IReadOnlyList<ClassifiedLine> body, DocumentConventions conventions, IReadOnlySet<string> vocabulary)
    {
        var sections = new List<DraftSection>();
        DraftSection? section = null;
        SpeakerLabel? label = null;
        var turnLine = 0;
        Reflow? reflow = null;
        var lastWasHeading = false;
        // One builder for every turn: a builder made per turn grew in chunks, and clearing a chunked builder
        // allocates its whole capacity again, for every paragraph.
        var paragraph = new StringBuilder(1024);

        void FinishTurn()
        {
            if (reflow is null)
                return;
            if (section is null)
                sections.Add(section = new DraftSection(null, turnLine, []));
            section.Turns.Add(new DraftTurn(label, turnLine, reflow.Finish()));
            reflow = null;
        }

        foreach (var line in body)
        {
            switch (line.Kind)
            {
                case LineKind.Heading:
                    FinishTurn();
                    if (lastWasHeading && section is not null)
                        sections[^1] = section = section with { Heading = section.Heading + " " + line.Text };
                    else
                        sections.Add(section = new DraftSection(line.Text, line.Number, []));
                    lastWasHeading = true;
                    continue;
                case LineKind.Label:
                    FinishTurn();
                    label = line.Label;
                    turnLine = line.Number;
                    reflow = new Reflow(conventions, vocabulary, paragraph);
                    reflow.Add(line);
                    break;
                case LineKind.Body:
                    if (reflow is null)
                    {
                        label = null;
                        turnLine = line.Number;
                        reflow = new Reflow(conventions, vocabulary, paragraph);
                    }
                    reflow.Add(line);
                    break;
                case LineKind.Blank:
                    reflow?.Blank();
                    continue;
                case LineKind.Noise or LineKind.PullQuote:
                    reflow?.Interruption();
                    continue;
            }
            lastWasHeading = false;
        }
        FinishTurn();
        return sections;
    }
}
