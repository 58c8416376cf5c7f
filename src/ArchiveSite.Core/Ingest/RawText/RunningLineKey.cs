using System.Text;

namespace ArchiveSite.Ingest.RawText;

/// <summary>
/// The form in which running headers and footers are compared: page numbers and dates change from page to
/// page, so each run of digits becomes '#', and spacing and case are ignored.
/// </summary>
internal static class RunningLineKey
{
    public static string Of(string trimmed)
    {
        var builder = new StringBuilder(trimmed.Length);
        var space = false;
        foreach (var c in trimmed)
        {
            if (c == ' ')
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
                builder.Append(' ');
            space = false;
            if (!char.IsAsciiDigit(c))
                builder.Append(char.ToLowerInvariant(c));
            else if (builder.Length == 0 || builder[^1] != '#')
                builder.Append('#');
        }
        return builder.ToString();
    }
}
