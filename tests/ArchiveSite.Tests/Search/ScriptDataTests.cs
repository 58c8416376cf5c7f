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

    [Fact]
    public void A_call_written_as_bytes_equals_the_call_made_from_json_text_also_when_its_buffer_is_reused()
    {
        string[][] payloads =
        [
            [new string('x', 100_000), "can\u2019t </script> & 'x' \u2028 \uD83D\uDE00"],
            ["short", "Z\u00FCrich \u4E2D\u6587 \"quoted\" back\\slash \u0007"],
            [],
        ];
        foreach (var payload in payloads)
        {
            void Write(System.Text.Json.Utf8JsonWriter writer)
            {
                writer.WriteStartObject();
                writer.WriteString("page", "a<b>.html");
                ArchiveSite.Text.JsonStringArrays.WriteStringArray(writer, "turns", payload);
                writer.WriteEndObject();
            }

            var expected = System.Text.Encoding.UTF8.GetBytes(ScriptData.Call("display", "12-3", ScriptData.Json(Write)));
            Assert.Equal(expected, ScriptData.Call("display", "12-3", Write));
        }
    }
}
