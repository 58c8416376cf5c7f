using ArchiveSite.Ingest.Decoding;
using ArchiveSite.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ArchiveSite.Archive;

/// <summary>Reads a registry file into YAML nodes, turning every problem into a diagnostic with a line.</summary>
sealed class YamlFile(string file, List<Diagnostic> diagnostics)
{
    public string File => file;

    /// <summary>The document's root node, or null when the file is empty or unreadable (reported).</summary>
    public YamlNode? ParseRoot(byte[] bytes)
    {
        var decoded = TextDecoder.Decode(file, bytes);
        diagnostics.AddRange(decoded.Diagnostics);
        if (decoded.Text is null)
            return null;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(decoded.Text));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            Error(Math.Max(1, (int)e.Start.Line), "this is not valid YAML: " + FirstLine(e.InnerException?.Message ?? e.Message));
            return null;
        }
    }

    public void Error(YamlNode node, string message) => Error(LineOf(node), message);
    public void Warning(YamlNode node, string message) => diagnostics.Add(new Diagnostic(Severity.Warning, file, LineOf(node), message));
    void Error(int line, string message) => diagnostics.Add(new Diagnostic(Severity.Error, file, line, message));

    public string? Scalar(YamlMappingNode map, string key)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
            return null;
        if (node is YamlScalarNode scalar)
            return string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value.Trim();
        Warning(node, $"'{key}' should be plain text");
        return null;
    }

    /// <summary>A list of strings written as a YAML sequence, or as one comma-separated line.</summary>
    public IReadOnlyList<string> List(YamlMappingNode map, params string[] keys)
    {
        var values = new List<string>();
        foreach (var key in keys)
        {
            if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
                continue;
            switch (node)
            {
                case YamlSequenceNode sequence:
                    foreach (var item in sequence)
                    {
                        if (item is YamlScalarNode { Value: { } v } && !string.IsNullOrWhiteSpace(v))
                            values.Add(v.Trim());
                        else
                            Warning(item, $"each entry of '{key}' should be plain text");
                    }
                    break;
                case YamlScalarNode { Value: { } line }:
                    values.AddRange(line.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                default:
                    Warning(node, $"'{key}' should be a list");
                    break;
            }
        }
        return values;
    }

    /// <summary>Entries written as a sequence of mappings, or as a mapping from id to mapping.</summary>
    public IEnumerable<(string? Id, YamlMappingNode Map)> Entries(YamlNode root, string what)
    {
        switch (root)
        {
            case YamlSequenceNode sequence:
                foreach (var item in sequence)
                {
                    if (item is YamlMappingNode map)
                        yield return (null, map);
                    else
                        Warning(item, $"each {what} should be a set of 'key: value' lines");
                }
                break;
            case YamlMappingNode byId:
                foreach (var (key, value) in byId.Children)
                {
                    if (value is YamlMappingNode map && key is YamlScalarNode { Value: { } id })
                        yield return (id, map);
                    else
                        Warning(key, $"each {what} should be a set of 'key: value' lines");
                }
                break;
            default:
                Error(root, $"expected a list of {what}s");
                break;
        }
    }

    static int LineOf(YamlNode node) => Math.Max(1, (int)node.Start.Line);

    static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
