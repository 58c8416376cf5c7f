namespace ArchiveSite.Model;

/// <summary>
/// One transcript as a reader understood it: everything said, in order, plus what was dropped as noise
/// and what the reader wants a maintainer to know. Readers fill it; later phases only read it.
/// </summary>
public sealed record Transcript
{
    /// <summary>Path of the source file as given to the reader (relative to the input folder in a build).</summary>
    public required string SourcePath { get; init; }

    /// <summary>URL-safe, stable name of the transcript page (<c>transcripts/&lt;slug&gt;.html</c>).</summary>
    public required string Slug { get; init; }

    public string? Title { get; init; }
    public string? Series { get; init; }
    public DateOnly? Date { get; init; }

    /// <summary>Free-form position in a series as the source writes it, e.g. "Week 110, Day 5" or "93".</summary>
    public string? Episode { get; init; }

    public IReadOnlyList<Speaker> Speakers { get; init; } = [];
    public IReadOnlyList<Section> Sections { get; init; } = [];
    public IReadOnlyList<Quote> Quotes { get; init; } = [];

    /// <summary>Topic names or ids declared by the source itself (front matter); matched topics come later.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    public IReadOnlyList<RemovedLine> Removed { get; init; } = [];
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>All turns in reading order; turn N (1-based) is the page anchor <c>t-N</c>.</summary>
    public IEnumerable<Turn> Turns => Sections.SelectMany(s => s.Turns);
}
