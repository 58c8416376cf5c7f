using System.Text.Json;
using Lunr.Tests.Support;

namespace Lunr.Tests;

/// <summary>
/// lunr.js's own serialisation test (test/serialization_test.js from the npm package), run as it is: its
/// setup builds the Cluedo index, and the documents it adds are captured to build the same index in C#.
/// </summary>
public sealed class SerializationGoldenTests
{
    [Fact]
    public void Index_from_lunrs_serialization_test_serialises_identically_and_searches_identically()
    {
        var lunr = new LunrJs();
        lunr.Execute("""
            var __added = [], __tests = {}, __context = {}, __realLunr = lunr;
            lunr = function (config) {
              return __realLunr(function () {
                var realAdd = this.add;
                this.add = function (doc, attributes) { __added.push(doc); return realAdd.call(this, doc, attributes); };
                config.call(this, this);
              });
            };
            Object.keys(__realLunr).forEach(function (key) { lunr[key] = __realLunr[key]; });
            var assert = { deepEqual: function (a, b) { if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error('not equal'); } };
            function suite(name, body) { body(); }
            function setup(fn) { fn.call(__context); }
            function test(name, fn) { __tests[name] = fn; }
            """);
        lunr.Execute(File.ReadAllText(LunrJs.FileInPackage("test/serialization_test.js")));
        var golden = lunr.Evaluate("__context.serializedIdx");
        var documents = JsonSerializer.Deserialize<List<Dictionary<string, JsonElement>>>(lunr.Evaluate("JSON.stringify(__added)"))!;

        var builder = new Builder();
        builder.Ref("id");
        builder.Field("title");
        builder.Field("body");
        foreach (var document in documents)
            builder.Add(document.ToDictionary(p => p.Key, p => p.Value.ToString()));
        var json = builder.Build().ToJson();

        Assert.Equal(4, documents.Count);
        JsonAssert.Identical(golden, json);
        lunr.LoadIndex("fromCSharp", json);
        Assert.Equal(lunr.Search("__context.idx", "green"), lunr.Search("fromCSharp", "green"));
        Assert.Equal(lunr.Search("__context.idx", "__proto__"), lunr.Search("fromCSharp", "__proto__"));
        Assert.NotEmpty(lunr.Search("fromCSharp", "__proto__"));
        lunr.Execute("__tests['search'].call(__context); __tests['__proto__ double serialization'].call(__context);");
    }
}
