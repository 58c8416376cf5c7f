using System.Text.RegularExpressions;
using Markdig.Helpers;
using Markdig.Syntax.Inlines;

namespace ArchiveSite.Ingest.Markdown;

/// <summary>How a paragraph opens a turn, if it does.</summary>
internal enum LabelKind { None, Strong, Timed, Plain }

/// <summary>A paragraph split into its speaker label (if any) and the words after it.</summary>
internal sealed record LabelledParagraph(LabelKind Kind, string? Label, TimeSpan? Start, string Text, int Line)
{
    public string FullText => Kind == LabelKind.None ? Text : $"{Label}: {Text}".TrimEnd();
}

/// <summary>
/// Finds the label a paragraph opens with: "**Name:**" or "**Name**:" (bold), a "Name: 00:01:02" line
/// (a turn opened with its start time, the words follow), or a plain "Name:" (accepted later only when the
/// name is declared or labels two paragraphs, so "Note: ..." in speech is not mistaken for a speaker).
/// </summary>
internal static partial class TurnLabel
{
    const string Name = @"(?<name>\p{Lu}[\p{L}\p{M}.'’\-]*(?:[ ](?:\p{Lu}[\p{L}\p{M}.'’\-]*|van|von|de|der|den|da|di|du|del|la|le|bin|al|y)){0,4})";

    [GeneratedRegex("^" + Name + @":[ \t]+(?<time>" + Timestamps.Pattern + @")[ \t]*(?:\n|$)")]
    private static partial Regex TimedLine();

    [GeneratedRegex("^" + Name + @":(?:[ \t]+|(?=\n)|$)")]
    private static partial Regex PlainLabel();

    public const int MaxLabelLength = 60;

    public static LabelledParagraph Split(ContainerInline inline, int line, int lineOffset, Action<int, string, string> removed)
    {
        var inlines = inline.ToList();
        if (inlines.Count > 0 && inlines[0] is EmphasisInline { DelimiterCount: 2 } strong)
        {
            var bold = Whitespace.Collapse(PlainText.Of(strong, lineOffset, removed));
            var rest = inlines.Skip(1).ToList();
            string? label = null;
            if (bold.EndsWith(':'))
                label = bold[..^1].TrimEnd();
            else if (rest.FirstOrDefault() is LiteralInline literal && literal.Content.ToString().StartsWith(':'))
            {
                label = bold;
                literal.Content = new StringSlice(literal.Content.ToString()[1..]);
            }
            if (label is not null && IsName(label))
                return new LabelledParagraph(LabelKind.Strong, label, null, PlainText.Of(rest, lineOffset, removed).Trim(), line);
        }

        var text = PlainText.Of(inlines, lineOffset, removed).Trim();
        var timed = TimedLine().Match(text);
        if (timed.Success && Timestamps.TryParse(timed.Groups["time"].Value, out var start))
            return new LabelledParagraph(LabelKind.Timed, timed.Groups["name"].Value, start, text[timed.Length..].Trim(), line);
        var plain = PlainLabel().Match(text);
        if (plain.Success)
            return new LabelledParagraph(LabelKind.Plain, plain.Groups["name"].Value, null, text[plain.Length..].Trim(), line);
        return new LabelledParagraph(LabelKind.None, null, null, text, line);
    }

    static bool IsName(string label) =>
        label.Length is > 0 and <= MaxLabelLength && !label.Contains('\n') && label.Any(char.IsLetter) &&
        label.Split(' ').Length <= 8;
}
