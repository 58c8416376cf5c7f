namespace ArchiveSite.Ingest.RawText;

/// <summary>One line of the source as the passes see it, always carrying its original 1-based line number.</summary>
/// <param name="PageStart">The line opens a page (a form feed before it, or the document's own page-start mark).</param>
/// <param name="Unnumbered">In a document with margin line numbers, this line had none (page furniture or back matter).</param>
internal sealed record SourceLine(int Number, string Text, bool PageStart = false, bool Unnumbered = false)
{
    readonly string text = Text;

    public string Text
    {
        get => text;
        init
        {
            text = value;
            Trimmed = value.Trim();
        }
    }

    /// <summary>The text without the spaces around it, trimmed once: most passes look at it.</summary>
    public string Trimmed { get; private init; } = Text.Trim();

    public bool IsBlank => Trimmed.Length == 0;

    public int Indent
    {
        get
        {
            var i = 0;
            while (i < Text.Length && Text[i] == ' ')
                i++;
            return i;
        }
    }
}
