using ArchiveSite.Output;
using ArchiveSite.Tests.Support;
using Jint;

namespace ArchiveSite.Tests.Output;

public sealed class CompactScriptTests
{
    [Fact]
    public void Comments_indentation_blank_lines_and_spaces_between_tokens_go()
    {
        const string script = "/*\n * Why.\n */\nfunction f(a, b) {\n  // why\n\n  return a + b // after code\n}\n/* one line */\n";
        Assert.Equal("function f(a,b){\nreturn a+b\n}\n", CompactScript.Of(script));
    }

    [Theory]
    [InlineData("var s = \"a  // b /* c */\" + 'd  e'\n", "var s=\"a  // b /* c */\"+'d  e'\n")]
    [InlineData("var parts = text.split(/([\\s\\-]+)/), r = / [/] x/g\n", "var parts=text.split(/([\\s\\-]+)/),r=/ [/] x/g\n")]
    [InlineData("return /a b/.test(x) ? n / 2 / m : 0\n", "return/a b/.test(x)?n/2/m:0\n")]
    [InlineData("var a = b + +c - -d, e = f + ++g\n", "var a=b+ +c- -d,e=f+ ++g\n")]
    [InlineData("if (x instanceof Y && typeof z === \"string\") return 1 .toString()\n", "if(x instanceof Y&&typeof z===\"string\")return 1 .toString()\n")]
    public void Strings_and_regular_expressions_keep_their_spaces_and_tokens_keep_apart(string script, string expected) =>
        Assert.Equal(expected, CompactScript.Of(script));

    [Fact]
    public void Code_after_a_comment_on_its_last_line_stays()
    {
        Assert.Equal("var a=1\n", CompactScript.Of("/* a\n b */ var a = 1\n"));
        Assert.Equal("try{x()}catch(e){}\n", CompactScript.Of("  try { x() } catch (e) { /* ignored */ }\n"));
    }

    [Fact]
    public void A_string_continued_over_lines_keeps_its_spaces()
    {
        Assert.Equal("var s=\"one \\\n    // two\"\n", CompactScript.Of("var s = \"one \\\n    // two\"\n"));
    }

    [Theory]
    [InlineData("var s = `\n  // inside a template\n`\n")]
    [InlineData("var a = 1 /* opened\n // inside\n */\n")]
    [InlineData("var r = /open\n")]
    public void Scripts_it_cannot_follow_are_left_alone(string script) =>
        Assert.Equal(script, CompactScript.Of(script));

    [Fact]
    public void Names_declared_inside_functions_get_short_names_and_globals_properties_and_keys_stay()
    {
        const string script = "var Shared = (function () {\n  var counter = { count: 0 }\n  function increase(step) { counter.count += step; return counter }\n  return { increase: increase, counter: counter }\n})()\n";
        Assert.Equal("var Shared=(function(){\nvar a={count:0}\nfunction b(c){a.count+=c;return a}\nreturn{increase:b,counter:a}\n})()\n", CompactScript.Of(script));
    }

    [Fact]
    public void Short_names_keep_what_each_use_refers_to()
    {
        // Shadowed names, a name in a closure, a for-in variable, a catch parameter, a var list over lines,
        // a regular expression and a word of the script that no short name may take.
        const string script = """
            var Result = (function () {
              var value = 1, other = [2,
                3], b = "b"
              function outer(value) {
                var inner = function (other) { return value * 10 + other.length }
                for (var key in { x: 1 }) value += key.length
                try { throw new Error("e") } catch (problem) { value += problem.message.length }
                return inner(other) + / +/.exec("a  b")[0].length
              }
              return String(outer(value + 1)) + b
            })()
            """;
        var compact = CompactScript.Of(script);
        Assert.DoesNotContain("value", compact);
        Assert.DoesNotContain("problem", compact);
        Assert.Equal(new Engine().Execute(script).GetValue("Result").AsString(), new Engine().Execute(compact).GetValue("Result").AsString());
    }

    [Fact]
    public void A_promise_catch_is_a_property_and_what_it_is_given_keeps_its_name()
    {
        // reportProblem is another script's global: only a catch statement declares its parameter. (A top-level
        // function's parameters are kept like every word outside functions.)
        const string script = "window.run = function (promise) {\n  return promise.catch(reportProblem).catch(function (problem) { return problem.message })\n}\n";
        Assert.Equal("window.run=function(promise){\nreturn promise.catch(reportProblem).catch(function(a){return a.message})\n}\n", CompactScript.Of(script));
    }

    [Theory]
    [InlineData("js/search-core.js", 0.45)]
    [InlineData("js/search-merge.js", 0.4)]
    [InlineData("js/search.js", 0.55)]
    [InlineData("js/search-turn.js", 0.8)]
    [InlineData("site.js", 1.0)]
    public void The_themes_scripts_shrink_and_still_parse(string name, double atMost)
    {
        var source = File.ReadAllText(Path.Combine(RepoPaths.Root, "theme", "assets", name));
        var compact = CompactScript.Of(source);
        Assert.True(compact.Length <= source.Length * atMost, $"{name}: {compact.Length} of {source.Length} characters");
        Assert.DoesNotContain("\n//", compact);
        new Engine().Execute("(function () { return function () {\n" + compact + "\n} })()");
    }
}
