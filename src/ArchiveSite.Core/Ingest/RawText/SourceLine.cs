namespace ArchiveSite.Ingest.RawText;

/// <summary>One line of the source as the passes see it, always carrying its original 1-based line number.</summary>
/// <remarks>
/// Most passes look at the trimmed text, the indentation and the spaces at the end, so those are kept, and the whole
/// line is made from them only when asked for: nearly every line of extracted text ends in a space, and keeping
/// both strings of every line was a fifth of what reading a transcript allocated.
/// </remarks>
internal sealed record SourceLine
{
    /// <summary>The whole line: null while spaces around <see cref="Trimmed"/> are all it has beyond it, until asked for.</summary>
    string? text;

    public SourceLine(int number, string text, bool pageStart = false, bool unnumbered = false)
    {
        Number = number;
        Text = text;
        PageStart = pageStart;
        Unnumbered = unnumbered;
    }

    SourceLine(int number, ReadOnlySpan<char> text, bool pageStart)
    {
        Number = number;
        PageStart = pageStart;
        Measure(text, null);
        if (!SpacesAroundTrimmed(text))
            this.text = text.ToString();
    }

    /// <summary>A line read from <paramref name="text"/>, which need not be a string of its own.</summary>
    public static SourceLine Of(int number, ReadOnlySpan<char> text, bool pageStart) => new(number, text, pageStart);

    public int Number { get; init; }

    /// <summary>The line opens a page (a form feed before it, or the document's own page-start mark).</summary>
    public bool PageStart { get; init; }

    /// <summary>In a document with margin line numbers, this line had none (page furniture or back matter).</summary>
    public bool Unnumbered { get; init; }

    public string Text
    {
        get => text ??= Trimmed.Length == 0 ? new string(' ', Indent) : string.Concat(new string(' ', Indent), Trimmed, new string(' ', TrailingSpaces));
        init
        {
            Measure(value, value);
            text = value;
        }
    }

    /// <summary>The text without the white space around it: most passes look at it.</summary>
    public string Trimmed { get; private set; } = "";

    public bool IsBlank => Trimmed.Length == 0;

    /// <summary>Spaces at the start of the line.</summary>
    public int Indent { get; private set; }

    /// <summary>Spaces at the end of the line: some extractions end a paragraph's last line with two.</summary>
    public int TrailingSpaces { get; private set; }

    /// <summary>The length of the line without the white space at its end.</summary>
    public int LengthWithoutTrailingSpace { get; private set; }

    /// <param name="whole">The line as a string, when it is one: trimming it then makes no copy when there is nothing to trim.</param>
    void Measure(ReadOnlySpan<char> line, string? whole)
    {
        Trimmed = whole?.Trim() ?? line.Trim().ToString();
        Indent = line.Length - line.TrimStart(' ').Length;
        TrailingSpaces = line.Length - line.TrimEnd(' ').Length;
        LengthWithoutTrailingSpace = line.TrimEnd().Length;
    }

    /// <summary>The line is <see cref="Trimmed"/> with only spaces around it, so <see cref="Text"/> can be made from the parts.</summary>
    bool SpacesAroundTrimmed(ReadOnlySpan<char> line) =>
        Trimmed.Length == 0 ? Indent == line.Length : Indent + Trimmed.Length + TrailingSpaces == line.Length;
}
