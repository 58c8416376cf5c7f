using System.Buffers;
using System.Text;
using ArchiveSite.Archive;
using ArchiveSite.Output;

namespace ArchiveSite.Site;

/// <summary>
/// Turns a paragraph of plain transcript text into escaped HTML in which the names of people from
/// <c>speakers.yml</c> link to their pages. Only full names and multi-word aliases ("Dr. Siegel") count:
/// a bare first name is too often someone else.
/// </summary>
public sealed class MentionLinker
{
    /// <summary>Every name, longest first: where two names start at the same place, the longer one is linked.</summary>
    readonly string[] _names;
    readonly SearchValues<string>? _anyName;
    readonly Dictionary<string, string> _personByName = new(StringComparer.Ordinal);

    public MentionLinker(IEnumerable<Person> people)
    {
        foreach (var person in people.Where(p => p.InRegistry))
            foreach (var name in person.Aliases.Prepend(person.Name).Where(IsDistinctiveName))
                _personByName.TryAdd(name, person.Id);
        _names = [.. _personByName.Keys.OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal)];
        // Searched for all at once (vectorised), since every paragraph of the archive is searched.
        if (_names.Length > 0)
            _anyName = SearchValues.Create(_names, StringComparison.Ordinal);
        Fingerprint = ContentHash.OfParts(_names.SelectMany(name => new[] { name, _personByName[name] }));
    }

    /// <summary>A hash of every name linked and the person it links to: two linkers with the same one link text alike.</summary>
    public string Fingerprint { get; }

    /// <summary>The paragraph as HTML, names linked to their speaker pages relative to <paramref name="fromPage"/>.</summary>
    public RawHtml Link(string text, string fromPage)
    {
        var html = new StringBuilder(text.Length + 32);
        AppendLinked(html, text, fromPage);
        return new RawHtml(html.ToString());
    }

    /// <summary><see cref="Link"/> appended to <paramref name="html"/>: a page being rendered takes it without a string per paragraph.</summary>
    public void AppendLinked(StringBuilder html, string text, string fromPage)
    {
        var at = 0;
        var from = 0;
        while (_anyName is not null && from < text.Length)
        {
            var found = text.AsSpan(from).IndexOfAny(_anyName);
            if (found < 0)
                break;
            var start = from + found;
            if (NameAt(text, start) is not { } name)
            {
                from = start + 1;
                continue;
            }
            Html.Append(html, text.AsSpan(at, start - at));
            var url = Urls.Relative(fromPage, Urls.Speaker(_personByName[name]));
            html.Append("<a class=\"mention\" href=\"").Append(Html.Escape(url)).Append("\">");
            Html.Append(html, name);
            html.Append("</a>");
            at = from = start + name.Length;
        }
        Html.Append(html, text.AsSpan(at));
    }

    /// <summary>The longest name at <paramref name="start"/> that stands as a whole word there (no letter or digit either side).</summary>
    string? NameAt(string text, int start)
    {
        if (start > 0 && IsWordCharacter(text[start - 1]))
            return null;
        foreach (var name in _names)
        {
            var end = start + name.Length;
            if (text.AsSpan(start).StartsWith(name, StringComparison.Ordinal) && (end == text.Length || !IsWordCharacter(text[end])))
                return name;
        }
        return null;
    }

    static bool IsWordCharacter(char c) => char.IsLetter(c) || char.IsNumber(c);

    static bool IsDistinctiveName(string name) => name.Trim().Length >= 4 && name.Trim().Contains(' ');
}
