using System.Text;
using System.Text.RegularExpressions;
using ArchiveSite.Archive;

namespace ArchiveSite.Site;

/// <summary>
/// Turns a paragraph of plain transcript text into escaped HTML in which the names of people from
/// <c>speakers.yml</c> link to their pages. Only full names and multi-word aliases ("Dr. Siegel") count:
/// a bare first name is too often someone else.
/// </summary>
public sealed class MentionLinker
{
    readonly Regex? _names;
    readonly Dictionary<string, string> _personByName = new(StringComparer.Ordinal);

    public MentionLinker(IEnumerable<Person> people)
    {
        foreach (var person in people.Where(p => p.InRegistry))
            foreach (var name in person.Aliases.Prepend(person.Name).Where(IsDistinctiveName))
                _personByName.TryAdd(name, person.Id);
        if (_personByName.Count == 0)
            return;
        var alternatives = _personByName.Keys.OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).Select(Regex.Escape);
        // Compiled: it runs over every paragraph of the archive, which costs far more than compiling it once.
        _names = new Regex(@"(?<![\p{L}\p{N}])(?:" + string.Join('|', alternatives) + @")(?![\p{L}\p{N}])",
            RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    /// <summary>The paragraph as HTML, names linked to their speaker pages relative to <paramref name="fromPage"/>.</summary>
    public RawHtml Link(string text, string fromPage)
    {
        var html = new StringBuilder(text.Length + 32);
        var at = 0;
        if (_names is not null)
            foreach (Match match in _names.Matches(text))
            {
                Html.Append(html, text.AsSpan(at, match.Index - at));
                var url = Urls.Relative(fromPage, Urls.Speaker(_personByName[match.Value]));
                html.Append("<a class=\"mention\" href=\"").Append(Html.Escape(url)).Append("\">");
                Html.Append(html, match.ValueSpan);
                html.Append("</a>");
                at = match.Index + match.Length;
            }
        Html.Append(html, text.AsSpan(at));
        return new RawHtml(html.ToString());
    }

    static bool IsDistinctiveName(string name) => name.Trim().Length >= 4 && name.Trim().Contains(' ');
}
