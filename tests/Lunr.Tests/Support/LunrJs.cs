using System.Text.Json;
using Jint;

namespace Lunr.Tests.Support;

/// <summary>
/// The real lunr.js 2.3.9 from theme/node_modules, running in Jint. Data crosses over as JSON text so both
/// sides see exactly the same strings.
/// </summary>
public sealed class LunrJs
{
    static readonly Lazy<Prepared<Acornima.Ast.Script>> LunrScript = new(() => Engine.PrepareScript(File.ReadAllText(FileInPackage("lunr.js"))));

    readonly Engine engine = new(options => options.Strict(false));

    public LunrJs()
    {
        engine.Execute(LunrScript.Value);
        // lunr.utils.warn writes to console, which Jint does not define.
        engine.Execute("var console = { warn: function () {}, log: function () {} };");
    }

    /// <summary>A file of the installed npm package, or a plain failure saying how to install it.</summary>
    public static string FileInPackage(string relative)
    {
        var path = Path.Combine(RepoPaths.Root, "theme", "node_modules", "lunr", relative);
        if (!File.Exists(path))
            throw new InvalidOperationException(
                $"lunr.js is not installed ({path} is missing): run `cd theme && npm ci` in the repository first.");
        return path;
    }

    public string Evaluate(string script) => engine.Evaluate(script).ToString();

    public void Execute(string script) => engine.Execute(script);

    public void SetJson(string name, string json)
    {
        engine.SetValue("__json", json);
        engine.Execute($"var {name} = JSON.parse(__json);");
    }

    /// <summary>An array of strings passed one by one, so lone surrogates survive (a JSON round trip would replace them).</summary>
    public void SetStrings(string name, IEnumerable<string> values)
    {
        engine.Execute($"var {name} = [];");
        foreach (var value in values)
        {
            engine.SetValue("__string", value);
            engine.Execute($"{name}.push(__string);");
        }
    }

    /// <summary>Builds an index with <c>lunr(...)</c> into the variable <paramref name="name"/>; returns <c>JSON.stringify</c> of it.</summary>
    public string BuildIndex(string name, CorpusDefinition corpus)
    {
        SetJson("__corpus", JsonSerializer.Serialize(corpus));
        engine.Execute($$"""
            var {{name}} = lunr(function () {
              var builder = this;
              builder.ref(__corpus.Ref);
              __corpus.Fields.forEach(function (f) { builder.field(f.Name, { boost: f.Boost }); });
              __corpus.Documents.forEach(function (d) { builder.add(d.Values, { boost: d.Boost }); });
            });
            """);
        return Evaluate($"JSON.stringify({name})");
    }

    /// <summary>Loads serialised index JSON with <c>lunr.Index.load</c> into the variable <paramref name="name"/>.</summary>
    public void LoadIndex(string name, string json)
    {
        SetJson("__serialised", json);
        engine.Execute($"var {name} = lunr.Index.load(__serialised);");
    }

    /// <summary>Results of <c>index.search(query)</c> as "ref score" lines, or "error: ..." when lunr rejects the query.</summary>
    public IReadOnlyList<string> Search(string indexName, string query)
    {
        engine.SetValue("__query", query);
        var text = Evaluate($$"""
            (function () {
              try {
                return {{indexName}}.search(__query).map(function (r) { return r.ref + " " + r.score; }).join("\n");
              } catch (e) {
                return "error: " + (e.name || "") + " " + e.message;
              }
            })()
            """);
        return text.Length == 0 ? [] : text.Split('\n');
    }
}

/// <summary>Documents and fields to index identically in C# and in lunr.js.</summary>
public sealed record CorpusDefinition(string Ref, IReadOnlyList<CorpusField> Fields, IReadOnlyList<CorpusDocument> Documents)
{
    public Index BuildInCSharp()
    {
        var builder = new Builder();
        builder.Ref(Ref);
        foreach (var field in Fields)
            builder.Field(field.Name, field.Boost);
        foreach (var document in Documents)
            builder.Add(document.Values, document.Boost);
        return builder.Build();
    }
}

public sealed record CorpusField(string Name, double Boost);

public sealed record CorpusDocument(Dictionary<string, string> Values, double Boost = 1);
