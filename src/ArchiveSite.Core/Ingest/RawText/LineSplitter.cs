using System.Text;
using System.Runtime.CompilerServices;

namespace ArchiveSite.Ingest.RawText;

/// <summary>
/// First pass: cuts the text into numbered lines and evens out characters that only PDF extraction produces
/// (form feeds, soft hyphens, no-break and zero-width spaces, tabs), so later passes see plain spaced text.
/// </summary>
internal static class LineSplitter
{
    // AggressiveOptimization keeps these hot loops JIT-compiled: crossgen2 skips them (ReadyToRunPackages.targets).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<SourceLine> Split(string text)
    {
        var lines = new List<SourceLine>(text.AsSpan().Count('\n') + 1);
        var number = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            number++;
            var raw = text.AsSpan(range);
            var pageStart = false;
            while (raw.Length > 0 && raw[0] == '\f')
            {
                pageStart = true;
                raw = raw[1..];
            }
            lines.Add(NeedsWork(raw) ? new SourceLine(number, Normalise(raw), pageStart) : SourceLine.Of(number, raw, pageStart));
        }
        if (lines.Count > 0 && lines[^1].Text.Length == 0 && text.EndsWith('\n'))
            lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    /// <summary>
    /// A soft hyphen right after a hyphen is the second half of a dash ("as -\u00AD" is "as --"); anywhere
    /// else it is an invisible break opportunity and goes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static string Normalise(ReadOnlySpan<char> raw)
    {
        if (!NeedsWork(raw))
            return raw.ToString();
        var builder = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            switch (c)
            {
                case '\u00AD':
                    if (builder.Length > 0 && builder[^1] == '-')
                        builder.Append('-');
                    break;
                case '\t':
                    builder.Append("    ");
                    break;
                case '\u00A0' or '\f' or '\u2007' or '\u202F':
                    builder.Append(' ');
                    break;
                case '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\r':
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static bool NeedsWork(ReadOnlySpan<char> raw)
    {
        foreach (var c in raw)
            if (c is '\u00AD' or '\t' or '\u00A0' or '\f' or '\u2007' or '\u202F' or '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\r')
                return true;
        return false;
    }
}
