using System.Text;

namespace ArchiveSite.Bench.Generation;

/// <summary>
/// Lays text out the way the seed's PDF extraction does: hard-wrapped lines each followed by a blank line,
/// a footer at the bottom of every page, a space before the first line of the next page, and pull quotes
/// printed in narrow lines wherever they fall, even in the middle of a sentence.
/// </summary>
sealed class PageWriter(Random random, string footer)
{
    readonly StringBuilder _text = new(48 * 1024);
    int _page = 1;
    int _linesOnPage;
    int _pageLength = random.Next(40, 56);
    bool _pageStart;

    public void Line(string line)
    {
        if (_linesOnPage >= _pageLength)
            Footer();
        if (_pageStart && !line.StartsWith(' '))
            line = " " + line;
        _pageStart = false;
        _text.Append(line).Append("\n\n");
        _linesOnPage++;
    }

    public void Footer()
    {
        _text.Append(" \n\n \n\n").Append(footer).Append(" - pg. ").Append(_page).Append(" \n\n");
        _page++;
        _linesOnPage = 0;
        _pageLength = random.Next(40, 56);
        _pageStart = true;
    }

    /// <summary>Writes one turn, with the next pull quote(s) dropped into it when <paramref name="quotes"/> is given.</summary>
    /// <returns>The number of words spoken in the turn.</returns>
    public int Turn(string label, List<List<string>> paragraphs, Queue<string>? quotes)
    {
        var width = random.Next(75, 112);
        var paragraphWords = paragraphs.Select(p => string.Join(' ', p).Split(' ')).ToList();
        var quoteParagraph = random.Next(paragraphWords.Count);
        var quoteAt = random.Next(1, Math.Max(2, paragraphWords[quoteParagraph].Length - 1));
        var spoken = 0;
        var line = new StringBuilder(label);
        for (var p = 0; p < paragraphWords.Count; p++)
        {
            var words = paragraphWords[p];
            for (var w = 0; w < words.Length; w++)
            {
                if (quotes is not null && p == quoteParagraph && w == quoteAt)
                {
                    Line(line.Append(' ').ToString());
                    line.Clear();
                    QuoteBlock(quotes);
                }
                Append(line, words[w], width);
                if (words[w] != "–")
                    spoken++;
            }
            Line(line.Append("  ").ToString());
            line.Clear();
        }
        return spoken;
    }

    void Append(StringBuilder line, string word, int width)
    {
        var separator = line.Length == 0 || line[^1] == ' ' ? "" : " ";
        if (line.Length + separator.Length + word.Length <= width)
        {
            line.Append(separator).Append(word);
            return;
        }
        // A hyphenated compound that does not fit breaks after a hyphen, as PDF text does ("mother-in-" / "law").
        var hyphen = word.LastIndexOf('-', Math.Min(word.Length - 1, Math.Max(0, width - line.Length - separator.Length - 1)));
        if (hyphen > 0 && line.Length > 0)
        {
            Line(line.Append(separator).Append(word, 0, hyphen + 1).ToString());
            line.Clear().Append(word, hyphen + 1, word.Length - hyphen - 1);
            return;
        }
        if (line.Length > 0)
            Line(line.Append(' ').ToString());
        line.Clear().Append(word);
    }

    /// <summary>One or two quotes in short lines, after which the text resumes at the top of a page.</summary>
    void QuoteBlock(Queue<string> quotes)
    {
        var count = quotes.Count > 1 && random.Next(3) == 0 ? 2 : 1;
        for (var i = 0; i < count; i++)
        {
            var width = random.Next(18, 32);
            var line = new StringBuilder();
            foreach (var word in $"“{quotes.Dequeue()}”".Split(' '))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > width)
                {
                    Line(line.Append(' ').ToString());
                    line.Clear();
                }
                line.Append(line.Length == 0 ? "" : " ").Append(word);
            }
            Line(line.Append(' ').ToString());
        }
        _linesOnPage = 0;
        _pageStart = true;
    }

    public override string ToString() => _text.ToString();
}
