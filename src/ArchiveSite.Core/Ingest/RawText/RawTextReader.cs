using ArchiveSite.Ingest.Quotes;
using ArchiveSite.Model;

namespace ArchiveSite.Ingest.RawText;

/// <summary>
/// Reads plain text extracted from PDFs or published as text (hearings, court and meeting transcripts,
/// interview handouts). A sequence of small passes, each in its own file: unwrap an HTML <c>pre</c> wrapper,
/// drop an extraction shell, cut lines keeping their numbers, strip margin line numbers, learn the document's
/// conventions, classify lines, lift pull quotes, find headings, split off preamble and back matter, cut
/// turns and reflow paragraphs, resolve speakers, and attribute quotes by content. Never throws: problems
/// become diagnostics naming the file and line; every line dropped as noise is listed in Removed.
/// </summary>
public static class RawTextReader
{
    /// <param name="timings">Collects the cost of each pass, for the read benchmark.</param>
    public static Transcript Read(string sourcePath, string text, ReadTimings? timings = null)
    {
        var removed = new List<RemovedLine>();
        var diagnostics = new List<Diagnostic>();
        try
        {
            return ReadChecked(sourcePath, text ?? "", removed, diagnostics, timings);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, sourcePath, 1, $"the raw-text reader failed: {exception.Message}"));
            var fallback = new Turn(TranscriptBuilder.UnknownSpeakerId, null, text is null ? [] : [SpaceRuns.Collapse(text.Replace('\n', ' '))], 1);
            return new Transcript
            {
                SourcePath = sourcePath,
                Slug = TranscriptBuilder.SlugFor(sourcePath),
                Speakers = [new Speaker(TranscriptBuilder.UnknownSpeakerId, "Unknown speaker", null, [])],
                Sections = fallback.Paragraphs.Count > 0 ? [new Section(null, 1, [fallback])] : [],
                Diagnostics = diagnostics,
            };
        }
    }

    static Transcript ReadChecked(string sourcePath, string text, List<RemovedLine> removed, List<Diagnostic> diagnostics,
        ReadTimings? timings)
    {
        var clock = new PassClock(timings);
        var lines = LineSplitter.Split(text);
        clock.Lap("split lines");
        lines = HtmlPreUnwrapper.Unwrap(lines, removed);
        lines = ExtractionShell.Strip(lines, removed);
        lines = MarginLineNumbers.Strip(lines, removed, out _);
        clock.Lap("unwrap, margin numbers");
        var conventions = ConventionLearner.Learn(lines);
        clock.Lap("learn conventions");

        var classified = LineClassifier.Classify(lines, conventions);
        clock.Lap("classify lines");
        var pulled = new List<PulledQuote>();
        classified = PullQuoteLifter.Lift(classified, conventions, pulled);
        classified = HeadingFinder.Mark(classified, conventions);
        clock.Lap("pull quotes, headings");

        var parts = DocumentParts.Split(classified);
        var header = Preamble.Read(parts.Preamble, classified.Where(line => line.Kind == LineKind.Noise), removed);
        clock.Lap("preamble");
        List<DraftSection> drafts;
        using (var vocabulary = new Vocabulary(parts.Body))
            drafts = TurnBuilder.Build(parts.Body, conventions, vocabulary);
        AccountForBody(parts.Body, removed);
        clock.Lap("turns, reflow");
        foreach (var line in parts.BackMatter)
            if (line.Kind != LineKind.Blank)
                removed.Add(new RemovedLine(line.Number, line.Kind == LineKind.Noise ? line.NoiseKind! : "back-matter", line.Source.Trimmed));

        var sections = Resolve(drafts, header, sourcePath, removed, diagnostics, out var speakers);
        clock.Lap("speakers");
        if (sections.Count == 0 && !string.IsNullOrWhiteSpace(text))
            diagnostics.Add(new Diagnostic(Severity.Warning, sourcePath, 1, "no speech found: every line was taken for page furniture or front matter"));
        if (string.IsNullOrWhiteSpace(text))
            diagnostics.Add(new Diagnostic(Severity.Warning, sourcePath, 1, "the file has no text"));
        else if (conventions.LabelFamily is null && sections.Count > 0)
            diagnostics.Add(new Diagnostic(Severity.Warning, sourcePath, 1,
                "no speaker labels found (such as \"Name:\" or \"MR. NAME.\"); the text is kept as one turn by an unknown speaker"));
        diagnostics.Add(new Diagnostic(Severity.Info, sourcePath, 1, Describe(conventions)));

        var quotes = QuoteAttributor.Attribute(sections, pulled.Select(q => new QuoteCandidate(q.Text, q.Line)), sourcePath, diagnostics);
        clock.Lap("attribute quotes");
        removed.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new Transcript
        {
            SourcePath = sourcePath,
            Slug = TranscriptBuilder.SlugFor(sourcePath),
            Title = header.Title,
            Series = header.Series,
            Date = header.Date,
            Episode = header.Episode,
            Speakers = speakers,
            Sections = sections,
            Quotes = quotes,
            Removed = removed,
            Diagnostics = diagnostics,
        };
    }

    /// <summary>Noise and pull-quote lines inside the body are removed lines too.</summary>
    static void AccountForBody(List<ClassifiedLine> body, List<RemovedLine> removed)
    {
        foreach (var line in body)
        {
            if (line.Kind == LineKind.Noise)
                removed.Add(new RemovedLine(line.Number, line.NoiseKind!, line.Text));
            else if (line.Kind == LineKind.PullQuote)
                removed.Add(new RemovedLine(line.Number, "pull-quote", line.Text));
        }
    }

    static List<Section> Resolve(List<DraftSection> drafts, DocumentHeader header, string sourcePath,
        List<RemovedLine> removed, List<Diagnostic> diagnostics, out List<Speaker> speakers)
    {
        var allTurns = drafts.SelectMany(d => d.Turns).ToList();
        var (found, idByLabel) = LabelSpeakers.Build(header.People,
            allTurns.Where(t => t.Label is not null && t.Paragraphs.Count > 0).Select(t => t.Label!.Label),
            allTurns.Any(t => t.Label is null));
        speakers = found;

        var sections = new List<Section>();
        foreach (var draft in drafts)
        {
            var turns = new List<Turn>();
            foreach (var turn in draft.Turns)
            {
                if (turn.Paragraphs.Count == 0)
                {
                    var printed = turn.Label is null ? "" : turn.Label.Label;
                    diagnostics.Add(new Diagnostic(Severity.Warning, sourcePath, turn.Line,
                        $"the label \"{printed}\" has no text after it; it is left out of the turns"));
                    removed.Add(new RemovedLine(turn.Line, "empty-label", printed));
                    continue;
                }
                var id = turn.Label is null ? TranscriptBuilder.UnknownSpeakerId : idByLabel[turn.Label.Label];
                turns.Add(new Turn(id, null, turn.Paragraphs, turn.Line));
            }
            if (turns.Count > 0)
                sections.Add(new Section(draft.Heading, draft.Line, turns));
            else if (draft.Heading is not null)
                removed.Add(new RemovedLine(draft.Line, "heading", draft.Heading));
        }
        return sections;
    }

    static string Describe(DocumentConventions c) =>
        "read as raw text: " + (c.LabelFamily switch
        {
            LabelFamily.Colon => "labels end in a colon",
            LabelFamily.Period => "labels end in a period",
            _ => "no labels",
        })
        + (c.LabelsIndented ? " at a paragraph indent" : "")
        + (c.RunningLines.Count > 0 ? $", {c.RunningLines.Count} running header/footer line(s)" : "")
        + (c.DoubleSpaced ? ", double-spaced" : "")
        + (c.IndentedParagraphs ? ", indented paragraphs" : c.TrailingSpaceBreaks ? ", paragraphs end in two spaces" : ", paragraphs end at short lines");
}
