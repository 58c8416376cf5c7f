using System.Text;
using ArchiveSite.Site;
using Scriban;
using Scriban.Runtime;

namespace ArchiveSite.Tests.Site;

public sealed class HtmlTemplateContextTests
{
    /// <summary>Counts the text Scriban hands the output, so a test can see what went past it straight into the builder.</summary>
    sealed class CountingOutput : StringBuilderOutput, IScriptOutput
    {
        public List<string> Written { get; } = [];

        void IScriptOutput.Write(string text, int offset, int count)
        {
            Written.Add(text.Substring(offset, count));
            Write(text, offset, count);
        }
    }

    static (string Html, List<string> Written) Render(string template, object value)
    {
        var context = new HtmlTemplateContext();
        var globals = new ScriptObject();
        globals.SetValue("value", value, readOnly: true);
        context.PushGlobal(globals);
        var output = new CountingOutput();
        context.PushOutput(output);
        var parsed = Template.Parse(template);
        Assert.False(parsed.HasErrors, string.Join("; ", parsed.Messages));
        context.Evaluate(parsed.Page!);
        return (output.Builder.ToString(), output.Written);
    }

    [Fact]
    public void A_value_outside_an_include_is_escaped_straight_into_the_builder()
    {
        var (html, written) = Render("<p>{{ value }}</p>", "a < b & \"c\"");

        Assert.Equal("<p>a &lt; b &amp; &quot;c&quot;</p>", html);
        // Only the template's own text goes through the output: the value was appended, not made a string of its own.
        Assert.DoesNotContain(written, w => w.Contains('a'));
    }

    [Fact]
    public void Rendered_html_outside_an_include_is_appended_as_it_is()
    {
        var (html, written) = Render("<main>\n{{ value }}\n</main>", new RenderedHtml(new StringBuilder("<p>x</p>")));

        Assert.Equal("<main>\n<p>x</p>\n</main>", html);
        Assert.DoesNotContain(written, w => w.Contains("<p>"));
    }
}
