namespace ArchiveSite.Ingest.RawText;

/// <summary>One line of the source as the passes see it, always carrying its original 1-based line number.</summary>
/// <param name="PageStart">The line opens a page (a form feed before it, or the document's own page-start mark).</param>
/// <param name="Unnumbered">In a document with margin line numbers, this line had none (page furniture or back matter).</param>
internal sealed record SourceLine(int Number, string Text, bool PageStart = false, bool Unnumbered = false)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Text);

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
