using System.Net;
using System.Text.RegularExpressions;

namespace ArchiveSite.Ingest.Captions;

/// <summary>One speaker's words within a cue line, with what the line says about who speaks.</summary>
/// <param name="Voice">Name from a WebVTT voice tag (&lt;v Name&gt;), which is always a speaker.</param>
/// <param name="Prefix">Name from a "Name:" prefix, a speaker only if the name proves to be one.</param>
/// <param name="Dash">The line opens with "- " or "&gt;&gt;": a new speaker starts here.</param>
internal sealed record CaptionSegment(string? Voice, string? Prefix, bool Dash, string Text, int Line);

/// <summary>Cue text to plain words: voice tags read, other tags and overrides dropped, entities decoded.</summary>
internal static partial class CaptionText
{
    const string Name = @"(?<name>\p{Lu}[\p{L}\p{M}.'’\-]*(?:[ ]\p{Lu}[\p{L}\p{M}.'’\-]*){0,3})";

    [GeneratedRegex(@"<v(?:\.[^\s>]*)?(?:[ \t]+(?<name>[^>]*))?>")]
    private static partial Regex VoiceTag();

    [GeneratedRegex(@"</?[A-Za-z][^>]*>|<\d[\d:.]*>|\{\\[^}]*\}")]
    private static partial Regex OtherTag();

    [GeneratedRegex(@"^(?:-|>>)[ \t]*")]
    private static partial Regex DialogueDash();

    [GeneratedRegex("^" + Name + @":[ \t]+")]
    private static partial Regex NamePrefix();

    [GeneratedRegex(@"^(?:\[[^\]]*\]|\([^)]*\)|[♪♫ ]+)$")]
    private static partial Regex SoundOnly();

    public static IEnumerable<CaptionSegment> Segments(string line, int lineNumber, Action<int, string, string> removed)
    {
        var voice = (string?)null;
        var position = 0;
        foreach (Match tag in VoiceTag().Matches(line))
        {
            foreach (var segment in Plain(line[position..tag.Index], voice, lineNumber, removed))
                yield return segment;
            voice = tag.Groups["name"].Success && tag.Groups["name"].Value.Trim().Length > 0
                ? WebUtility.HtmlDecode(tag.Groups["name"].Value.Trim())
                : null;
            position = tag.Index + tag.Length;
        }
        foreach (var segment in Plain(line[position..], voice, lineNumber, removed))
            yield return segment;
    }

    static IEnumerable<CaptionSegment> Plain(string raw, string? voice, int lineNumber, Action<int, string, string> removed)
    {
        var text = Whitespace.Collapse(WebUtility.HtmlDecode(OtherTag().Replace(raw, "")));
        if (text.Length == 0)
        {
            if (voice is not null)
                yield return new CaptionSegment(voice, null, false, "", lineNumber);
            yield break;
        }
        var dash = DialogueDash().Match(text);
        var isDash = dash.Success && (dash.Value.StartsWith(">>") || dash.Length < text.Length && dash.Length > 1);
        if (isDash)
            text = text[dash.Length..];
        string? prefix = null;
        var name = NamePrefix().Match(text);
        if (name.Success)
        {
            prefix = name.Groups["name"].Value;
            text = text[name.Length..];
        }
        if (SoundOnly().IsMatch(text))
        {
            removed(lineNumber, "sound", text);
            text = "";
        }
        yield return new CaptionSegment(voice, prefix, isDash, text, lineNumber);
    }
}
