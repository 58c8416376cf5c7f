using System.Text;
using System.Text.RegularExpressions;
using ArchiveSite.Archive;
using ArchiveSite.Site;
using CsCheck;

namespace ArchiveSite.Tests.Site;

public sealed class MentionLinkerTests
{
    static readonly Person[] People =
    [
        new("ron", "Ron Siegel", null, null, ["Dr. Siegel", "Ron D. Siegel"], InRegistry: true),
        new("ana", "Ana Ribeiro", null, null, ["Dr. Ana", "Ana"], InRegistry: true),
        new("ann", "Ana Ribeiro-Smith", null, null, [], InRegistry: true),
        new("guest", "Guest Speaker", null, null, [], InRegistry: false),
    ];

    [Fact]
    public void Whole_names_link_the_longest_first_and_bare_first_names_or_names_inside_words_do_not()
    {
        var linker = new MentionLinker(People);

        var html = linker.Link("Ana said Ron D. Siegel & Dr. Siegel agree; xRon Siegel, Ana Ribeiro-Smith, Guest Speaker.", "transcripts/a.html").Html;

        Assert.Equal("Ana said <a class=\"mention\" href=\"../speakers/ron.html\">Ron D. Siegel</a> &amp; " +
                     "<a class=\"mention\" href=\"../speakers/ron.html\">Dr. Siegel</a> agree; xRon Siegel, " +
                     "<a class=\"mention\" href=\"../speakers/ann.html\">Ana Ribeiro-Smith</a>, Guest Speaker.", html);
    }

    /// <summary>What the linker did as one regular expression, before it searched for all names at once.</summary>
    static string ByRegex(string text, string fromPage)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var person in People.Where(p => p.InRegistry))
            foreach (var name in person.Aliases.Prepend(person.Name).Where(n => n.Trim().Length >= 4 && n.Trim().Contains(' ')))
                names.TryAdd(name, person.Id);
        var pattern = new Regex(@"(?<![\p{L}\p{N}])(?:" + string.Join('|', names.Keys.OrderByDescending(n => n.Length)
            .ThenBy(n => n, StringComparer.Ordinal).Select(Regex.Escape)) + @")(?![\p{L}\p{N}])", RegexOptions.CultureInvariant);
        var html = new StringBuilder();
        var at = 0;
        foreach (Match match in pattern.Matches(text))
        {
            Html.Append(html, text.AsSpan(at, match.Index - at));
            html.Append("<a class=\"mention\" href=\"").Append(Html.Escape(Urls.Relative(fromPage, Urls.Speaker(names[match.Value])))).Append("\">");
            Html.Append(html, match.ValueSpan);
            html.Append("</a>");
            at = match.Index + match.Length;
        }
        Html.Append(html, text.AsSpan(at));
        return html.ToString();
    }

    [Fact]
    public void Links_exactly_what_the_regular_expression_did()
    {
        var linker = new MentionLinker(People);
        var pieces = new[] { "Ron Siegel", "Ron D. Siegel", "Dr. Siegel", "Ana Ribeiro", "Ana Ribeiro-Smith", "Dr. Ana", "Ana", " ", "x", "7", "é", "<", "&", ".", "-", "Siegel" };
        Gen.Int[0, pieces.Length - 1].Array[0, 20].Sample(picks =>
        {
            var text = string.Concat(picks.Select(i => pieces[i]));
            Assert.Equal(ByRegex(text, "transcripts/a.html"), linker.Link(text, "transcripts/a.html").Html);
        });
    }
}
