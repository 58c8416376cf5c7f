using System.Text.Json;
using System.Text.RegularExpressions;

namespace Lunr.Tests.Support;

/// <summary>The corpora the compatibility tests index both in C# and in lunr.js.</summary>
public static class FixtureCorpus
{
    public static readonly CorpusField[] TurnFields =
        [new("text", 1), new("speaker", 10), new("title", 5), new("section", 2), new("topics", 3)];

    /// <summary>Fixtures/corpus.json: documents whose keys are the turn fields and "id".</summary>
    public static CorpusDefinition Turns()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "corpus.json")));
        var documents = json.RootElement.GetProperty("documents").EnumerateArray()
            .Select(d => new CorpusDocument(d.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)))
            .ToList();
        return new CorpusDefinition("id", TurnFields, documents);
    }

    /// <summary>Paragraphs of a text file as documents with one field, "text", refs "p1", "p2", ...</summary>
    public static CorpusDefinition Paragraphs(string text, int limit)
    {
        var paragraphs = Regex.Split(text, @"\r?\n[ \t\u00A0]*\r?\n")
            .Select(p => p.Trim())
            .Where(p => p.Length > 0)
            .Take(limit)
            .Select((p, i) => new CorpusDocument(new Dictionary<string, string> { ["id"] = $"p{i + 1}", ["text"] = p }))
            .ToList();
        return new CorpusDefinition("id", [new("text", 1)], paragraphs);
    }
}
