using ArchiveSite.Ingest.Metadata;
using ArchiveSite.Model;
using ArchiveSite.Text;

namespace ArchiveSite.Ingest;

/// <summary>
/// Collects what a reader finds, in reading order, and assembles the immutable <see cref="Transcript"/>.
/// Readers decide what the source means; the builder keeps the bookkeeping (open turn, sections, speakers
/// and their labels, diagnostics) in one place so every reader reports the same way.
/// </summary>
internal sealed class TranscriptBuilder(string sourcePath)
{
    public const string UnknownSpeakerId = "unknown";

    readonly SpeakerDirectory _speakers = new();
    readonly List<Section> _sections = [];
    readonly List<Turn> _turns = [];
    readonly List<Quote> _quotes = [];
    readonly List<RemovedLine> _removed = [];
    readonly List<Diagnostic> _diagnostics = [];
    string? _heading;
    int _headingLine = 1;
    OpenTurn? _open;

    public string SourcePath => sourcePath;
    public TranscriptMetadata Metadata { get; set; } = new();
    public bool HasTurns => _turns.Count > 0 || _sections.Count > 0 || _open is { Paragraphs.Count: > 0 };
    public bool HasOpenTurn => _open is not null;
    public string? OpenSpeakerId => _open?.SpeakerId;

    public void Declare(IEnumerable<DeclaredSpeaker> speakers)
    {
        foreach (var speaker in speakers)
            _speakers.Declare(speaker);
    }

    public bool IsDeclared(string label) => _speakers.FindDeclared(label) is not null;

    /// <summary>The id of the person a label names, adding the label (and the person, if new) to the speakers.</summary>
    public string SpeakerFor(string label) => _speakers.Resolve(label);

    /// <summary>The id that holds words whose speaker the source does not give.</summary>
    public string UnknownSpeaker() => _speakers.Unknown();

    public void StartSection(string heading, int line)
    {
        EndTurn();
        FlushSection();
        _heading = heading;
        _headingLine = line;
    }

    /// <param name="label">The label as printed, for the "no text" warning; null when the speaker is implied.</param>
    public void StartTurn(string speakerId, TimeSpan? start, int line, string? label)
    {
        EndTurn();
        _open = new OpenTurn(speakerId, start, line, label);
    }

    /// <summary>Adds a paragraph to the open turn, or to a new unknown-speaker turn when none is open.</summary>
    public void AddParagraph(string text, int line)
    {
        text = Whitespace.Collapse(text);
        if (text.Length == 0)
            return;
        if (_open is null)
        {
            Warn(line, "text with no speaker label before it; attributed to an unknown speaker");
            _open = new OpenTurn(_speakers.Unknown(), null, line, null);
        }
        _open.Paragraphs.Add(text);
    }

    /// <summary>Appends to the last paragraph of the open turn (captions: a cue continues a sentence).</summary>
    public void AppendToParagraph(string text, int line)
    {
        text = Whitespace.Collapse(text);
        if (text.Length == 0)
            return;
        if (_open is not { Paragraphs.Count: > 0 })
        {
            AddParagraph(text, line);
            return;
        }
        _open.Paragraphs[^1] += " " + text;
    }

    public void SetStartIfUnknown(TimeSpan start)
    {
        if (_open is { Start: null })
            _open.Start = start;
    }

    public void EndTurn()
    {
        if (_open is null)
            return;
        if (_open.Paragraphs.Count == 0)
        {
            if (_open.Label is not null)
                Warn(_open.Line, $"the label '{_open.Label}' has no text after it; no turn was made");
        }
        else
        {
            _turns.Add(new Turn(_open.SpeakerId, _open.Start, [.. _open.Paragraphs], _open.Line));
        }
        _open = null;
    }

    public void Remove(int line, string kind, string text) => _removed.Add(new RemovedLine(line, kind, text));

    public void Quote(Quote quote) => _quotes.Add(quote);

    public void Info(int line, string message) => _diagnostics.Add(new Diagnostic(Severity.Info, sourcePath, line, message));
    public void Warn(int line, string message) => _diagnostics.Add(new Diagnostic(Severity.Warning, sourcePath, line, message));
    public void Error(int line, string message) => _diagnostics.Add(new Diagnostic(Severity.Error, sourcePath, line, message));

    public void AddDiagnostics(IEnumerable<Diagnostic> diagnostics) => _diagnostics.AddRange(diagnostics);

    public Transcript Build()
    {
        EndTurn();
        FlushSection();
        var used = _sections.SelectMany(s => s.Turns).Select(t => t.SpeakerId)
            .Concat(_quotes.Select(q => q.SpeakerId).OfType<string>())
            .ToHashSet(StringComparer.Ordinal);
        return new Transcript
        {
            SourcePath = sourcePath,
            Slug = SlugFor(sourcePath),
            Title = Metadata.Title,
            Series = Metadata.Series,
            Date = Metadata.Date,
            Episode = Metadata.Episode,
            Topics = Metadata.Topics,
            Speakers = _speakers.Build(used),
            Sections = [.. _sections],
            Quotes = [.. _quotes],
            Removed = [.. _removed.OrderBy(r => r.Line)],
            Diagnostics = [.. _diagnostics.OrderBy(d => d.Line)],
        };
    }

    public static string SlugFor(string sourcePath) => Slug.From(Path.GetFileNameWithoutExtension(sourcePath));

    void FlushSection()
    {
        if (_turns.Count == 0 && _heading is null)
            return;
        if (_turns.Count == 0)
            Warn(_headingLine, $"the section '{_heading}' has no turns");
        _sections.Add(new Section(_heading, _headingLine, [.. _turns]));
        _turns.Clear();
        _heading = null;
    }

    sealed class OpenTurn(string speakerId, TimeSpan? start, int line, string? label)
    {
        public string SpeakerId { get; } = speakerId;
        public TimeSpan? Start { get; set; } = start;
        public int Line { get; } = line;
        public string? Label { get; } = label;
        public List<string> Paragraphs { get; } = [];
    }
}
