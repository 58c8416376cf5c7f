using System.Text;

namespace ArchiveSite.Ingest.RawText;

/// <summary>
/// Joins the hard-wrapped lines of one turn into paragraphs. Removed lines between two lines (a footer, a
/// page mark, a lifted pull quote) do not break the paragraph: the sentence they interrupted reads on.
/// </summary>
/// <param name="current">Empty; holds the paragraph being joined, and is empty again after <see cref="Finish"/>.</param>
internal sealed class Reflow(DocumentConventions conventions, IReadOnlySet<string> vocabulary, StringBuilder current)
{
    readonly List<string> paragraphs = [];
    ClassifiedLine? previous;
    int blanks;
    bool interrupted;

    public void Blank() => blanks++;

    public void Interruption() => interrupted = true;

    public void Add(ClassifiedLine line)
    {
        if (line.Text.Length > 0)
        {
            if (previous is not null && ParagraphRules.BreakBetween(previous, line, blanks, interrupted, conventions))
                Flush();
            TextJoiner.Append(current, line.Text, vocabulary);
        }
        previous = line;
        blanks = 0;
        interrupted = false;
    }

    public List<string> Finish()
    {
        Flush();
        return paragraphs;
    }

    void Flush()
    {
        if (current.Length > 0)
            paragraphs.Add(current.ToString());
        current.Clear();
    }
}
