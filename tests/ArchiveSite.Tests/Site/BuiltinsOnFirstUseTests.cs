using ArchiveSite.Site;
using Scriban;
using Scriban.Runtime;

namespace ArchiveSite.Tests.Site;

/// <summary>Builtins made on first use must be Scriban's builtins, whatever a user's theme asks of them.</summary>
public sealed class BuiltinsOnFirstUseTests
{
    public static TheoryData<string> TemplatesUsingBuiltinsTheThemeDoesNot() =>
    [
        "{{ 'quiet words' | string.upcase }}",
        "{{ 3.14159 | math.round 2 }}|{{ -4 | math.abs }}",
        "{{ date.parse '2020-05-03' | date.to_string '%Y/%m/%d' }}",
        "{{ [3, 1, 2] | array.sort | array.join ',' }}|{{ [1, 2] | array.size }}",
        "{{ 'a-b-c' | regex.replace '-' '+' }}",
        "{{ (timespan.from_hours 2).total_minutes }}",
        "{{ '<b>&' | html.escape }}",
        "{{ object.typeof 1 }}|{{ '' == empty }}|{{ [] == blank }}",
        "{{ string = 1 }}",
        "{{ array.no_such_function [1] }}",
        "{{ for name in ['array', 'math'] }}{{ name }}{{ end }}",
    ];

    [Theory]
    [MemberData(nameof(TemplatesUsingBuiltinsTheThemeDoesNot))]
    public void A_template_renders_as_with_Scribans_default_builtins(string text)
    {
        Assert.Equal(Outcome(new TemplateContext(), text), Outcome(new TemplateContext(new BuiltinsOnFirstUse()), text));
    }

    [Fact]
    public void A_member_a_template_adds_to_a_group_stays_in_its_context_as_with_Scribans_builtins()
    {
        string[] texts = ["{{ math.extra = 5 }}{{ math.extra }}", "[{{ math.extra }}]"];

        var scribans = texts.Select(text => Outcome(new TemplateContext(), text));
        var firstUse = texts.Select(text => Outcome(new TemplateContext(new BuiltinsOnFirstUse()), text));

        Assert.Equal(scribans, firstUse);
    }

    [Fact]
    public void Every_builtin_name_of_Scriban_is_there_with_the_same_kind_of_object()
    {
        var scribans = TemplateContext.GetDefaultBuiltinObject();
        var firstUse = new BuiltinsOnFirstUse();

        foreach (var name in scribans.GetMembers())
        {
            Assert.True(firstUse.TryGetValue(null, default, name, out var value), name);
            Assert.Equal(scribans[name]?.GetType(), value?.GetType());
            Assert.False(firstUse.CanWrite(name), name);
        }
        Assert.Equal(scribans.GetMembers().Order(), firstUse.GetMembers().Order());
    }

    [Fact]
    public void The_html_context_escapes_what_a_builtin_returns()
    {
        var template = Template.Parse("{{ 'a<b' | string.upcase }} {{ 2.567 | math.round 1 }}");

        Assert.Equal("A&lt;B 2.6", template.Render(new HtmlTemplateContext()));
    }

    static string Outcome(TemplateContext context, string text)
    {
        try
        {
            return Template.Parse(text).Render(context);
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }
}
