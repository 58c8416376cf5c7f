using ArchiveSite.Search;
using Jint;

namespace ArchiveSite.Tests.Search;

public sealed class ScriptDataTests
{
    [Fact]
    public void Text_outside_ascii_is_written_as_it_is_and_what_could_end_a_script_or_string_is_escaped()
    {
        var text = "can\u2019t \u201Csee\u201D Z\u00FCrich \u4E2D\u6587 </script> & 'x' \u2028\u2029 \u0007";
        var json = ScriptData.Json(new[] { text });

        Assert.Contains("can\u2019t \u201Csee\u201D Z\u00FCrich \u4E2D\u6587", json);
        Assert.DoesNotContain("<", json);
        Assert.DoesNotContain("&", json);
        Assert.DoesNotContain("'", json);
        Assert.DoesNotContain("\u2028", json);
        Assert.DoesNotContain("\u2029", json);
        Assert.DoesNotContain("\u0007", json);
        Assert.Equal(text, new Engine().Evaluate(json).AsArray()[0].AsString());
    }

    /// <summary>
    /// Packed data, as the browser's own code (search-core.js in Jint) unpacks it: short text (one fixed-code block),
    /// repetitive text (dynamic codes, long matches), text DEFLATE cannot shrink (stored blocks), and characters of
    /// one to four UTF-8 bytes, surrogate pairs included.
    /// </summary>
    [Theory]
    [InlineData(1, 0)]
    [InlineData(40, 0)]
    [InlineData(3_000, 0)]
    [InlineData(0, 40_000)]
    [InlineData(2_000, 30_000)]
    public void Packed_data_unpacks_in_the_search_script_to_the_same_value(int phrases, int noise)
    {
        var random = new Random(phrases + noise);
        var text = string.Concat(Enumerable.Range(0, phrases).Select(i => $"can\u2019t \u201Csee\u201D Z\u00FCrich \u4E2D\u6587 \U0001F600 {i % 7} </script>\u2028 "))
            + new string([.. Enumerable.Range(0, noise).Select(_ => (char)random.Next(0x20, 0xD7FF))]);
        var value = new[] { new[] { text, "x" }, [] };
        var packed = ScriptData.Packed(value);

        Assert.Matches("^\"[A-Za-z0-9+/]*=*\"$", packed);
        var scripts = new SearchScripts();
        scripts.Engine.Execute($"var __unpacked = ArchiveSearch.unpack({packed})");
        Assert.Equal(text, scripts.Engine.Evaluate("__unpacked[0][0]").AsString());
        Assert.Equal("x", scripts.Engine.Evaluate("__unpacked[0][1]").AsString());
        Assert.Equal(0, scripts.Engine.Evaluate("__unpacked[1].length").AsNumber());
    }
}
