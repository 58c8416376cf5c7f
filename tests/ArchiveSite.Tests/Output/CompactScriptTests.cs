using ArchiveSite.Output;
using ArchiveSite.Tests.Support;
using Jint;

namespace ArchiveSite.Tests.Output;

public sealed class CompactScriptTests
{
    [Fact]
    public void Comment_lines_indentation_and_blank_lines_go()
    {
        const string script = "/*\n * Why.\n */\nfunction f() {\n  // why\n\n  return 1 // after code, kept\n}\n/* one line */\n";
        Assert.Equal("function f() {\nreturn 1 // after code, kept\n}\n", CompactScript.Of(script));
    }

    [Fact]
    public void Code_after_a_comment_on_its_last_line_stays()
    {
        Assert.Equal("var a = 1\n", CompactScript.Of("/* a\n b */ var a = 1\n"));
        Assert.Equal("try { x() } catch (e) { /* ignored */ }\n", CompactScript.Of("  try { x() } catch (e) { /* ignored */ }\n"));
    }

    [Fact]
    public void A_string_continued_over_lines_keeps_its_spaces()
    {
        const string script = "var s = \"one \\\n    // two\"\n";
        Assert.Equal(script, CompactScript.Of(script));
    }

    [Theory]
    [InlineData("var s = `\n  // inside a template\n`\n")]
    [InlineData("var a = 1 /* opened\n // inside\n */\n")]
    public void Scripts_it_cannot_follow_are_left_alone(string script) =>
        Assert.Equal(script, CompactScript.Of(script));

    [Theory]
    [InlineData("js/search-core.js", 0.75)]
    [InlineData("js/search-merge.js", 0.85)]
    [InlineData("js/search.js", 0.85)]
    [InlineData("js/search-turn.js", 0.85)]
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
