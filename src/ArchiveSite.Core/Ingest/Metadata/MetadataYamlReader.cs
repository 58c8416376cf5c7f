using System.Globalization;
using ArchiveSite.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ArchiveSite.Ingest.Metadata;

/// <summary>
/// Reads transcript metadata from YAML (front matter or a sidecar file). Keys: title, date, series,
/// episode, speakers (names, or {name, credentials, id, labels}), topics and tags, quotes (strings or
/// {text, speaker}). Unknown keys are ignored; values of the wrong shape are reported and skipped.
/// </summary>
public static class MetadataYamlReader
{
    /// <param name="firstLine">Source line of the YAML's first line, so diagnostics point into the real file.</param>
    public static TranscriptMetadata Read(string file, string yaml, int firstLine, List<Diagnostic> diagnostics)
    {
        var context = new Context(file, firstLine - 1, diagnostics);
        YamlMappingNode? root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0)
                return new TranscriptMetadata();
            root = stream.Documents[0].RootNode as YamlMappingNode;
            if (root is null)
            {
                context.Warn(stream.Documents[0].RootNode, "the metadata is not a list of 'key: value' lines; it was ignored");
                return new TranscriptMetadata();
            }
        }
        catch (YamlException e)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, file, context.Offset + (int)Math.Max(1, e.Start.Line),
                $"the metadata is not valid YAML ({FirstSentence(e)}); it was ignored"));
            return new TranscriptMetadata();
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this on some malformed flow collections instead of a YamlException.
            diagnostics.Add(new Diagnostic(Severity.Error, file, context.Offset + 1,
                "the metadata is not valid YAML (an unclosed '[' or '{'?); it was ignored"));
            return new TranscriptMetadata();
        }

        var metadata = new TranscriptMetadata();
        var topics = new List<string>();
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value?.Trim().ToLowerInvariant();
            switch (key)
            {
                case "title": metadata = metadata with { Title = context.Text(value, key) }; break;
                case "series" or "show" or "podcast": metadata = metadata with { Series = context.Text(value, key) }; break;
                case "episode": metadata = metadata with { Episode = context.Text(value, key) }; break;
                case "date": metadata = metadata with { Date = context.Date(value) }; break;
                case "speakers": metadata = metadata with { Speakers = context.Speakers(value) }; break;
                case "topics" or "tags": topics.AddRange(context.TextList(value, key)); break;
                case "quotes": metadata = metadata with { Quotes = context.Quotes(value) }; break;
            }
        }
        return metadata with { Topics = [.. topics.Distinct(StringComparer.OrdinalIgnoreCase)] };
    }

    static string FirstSentence(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var cut = message.IndexOf(" at line", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim().TrimEnd('.');
    }

    sealed class Context(string file, int offset, List<Diagnostic> diagnostics)
    {
        public int Offset => offset;

        public void Warn(YamlNode node, string message) =>
            diagnostics.Add(new Diagnostic(Severity.Warning, file, offset + (int)Math.Max(1, node.Start.Line), message));

        public string? Text(YamlNode node, string key)
        {
            if (node is YamlScalarNode scalar)
                return string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value.Trim();
            Warn(node, $"'{key}' should be a single value; it was ignored");
            return null;
        }

        public DateOnly? Date(YamlNode node)
        {
            var text = Text(node, "date");
            if (text is null)
                return null;
            if (text.Length >= 10 && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture,
                    DateTimeStyles.None, out var date))
                return date;
            Warn(node, $"the date '{text}' is not written as yyyy-mm-dd; it was ignored");
            return null;
        }

        public List<string> TextList(YamlNode node, string key)
        {
            if (node is YamlScalarNode scalar)
                return [.. (scalar.Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            if (node is YamlSequenceNode sequence)
                return [.. sequence.Children.Select(child => Text(child, key)).OfType<string>()];
            Warn(node, $"'{key}' should be a list; it was ignored");
            return [];
        }

        public List<DeclaredSpeaker> Speakers(YamlNode node)
        {
            if (node is not YamlSequenceNode sequence)
            {
                Warn(node, "'speakers' should be a list; it was ignored");
                return [];
            }
            var speakers = new List<DeclaredSpeaker>();
            foreach (var item in sequence.Children)
            {
                var line = offset + (int)item.Start.Line;
                if (item is YamlScalarNode { Value: { } name } && !string.IsNullOrWhiteSpace(name))
                {
                    speakers.Add(new DeclaredSpeaker(name.Trim(), null, null, [], line));
                    continue;
                }
                if (item is not YamlMappingNode mapping || Field(mapping, "name") is not { } mappedName)
                {
                    Warn(item, "a speaker needs a name; this entry was ignored");
                    continue;
                }
                var labels = mapping.Children.TryGetValue(new YamlScalarNode("labels"), out var labelNode)
                    ? TextList(labelNode, "labels")
                    : [];
                speakers.Add(new DeclaredSpeaker(mappedName, Field(mapping, "credentials"), Field(mapping, "id"), labels, line));
            }
            return speakers;
        }

        public List<DeclaredQuote> Quotes(YamlNode node)
        {
            if (node is not YamlSequenceNode sequence)
            {
                Warn(node, "'quotes' should be a list; it was ignored");
                return [];
            }
            var quotes = new List<DeclaredQuote>();
            foreach (var item in sequence.Children)
            {
                var line = offset + (int)item.Start.Line;
                if (item is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text))
                    quotes.Add(new DeclaredQuote(Whitespace.Collapse(text), null, line));
                else if (item is YamlMappingNode mapping && Field(mapping, "text") is { } mappedText)
                    quotes.Add(new DeclaredQuote(Whitespace.Collapse(mappedText), Field(mapping, "speaker"), line));
                else
                    Warn(item, "a quote needs its text; this entry was ignored");
            }
            return quotes;
        }

        string? Field(YamlMappingNode mapping, string key) =>
            mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? Text(value, key) : null;
    }
}
