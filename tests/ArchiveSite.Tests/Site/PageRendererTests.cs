using System.Text;
using ArchiveSite.Archive;
using ArchiveSite.Site;

namespace ArchiveSite.Tests.Site;

/// <summary>The renderer reuses one template context per thread; nothing of one page may reach the next.</summary>
public sealed class PageRendererTests : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("archivesite-renderer-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    PageRenderer Theme(params (string Name, string Text)[] layouts)
    {
        Directory.CreateDirectory(Path.Combine(_root, "layouts"));
        foreach (var (name, text) in layouts)
            File.WriteAllText(Path.Combine(_root, "layouts", name + ".sbn"), text);
        return new PageRenderer(new ThemeFolder(_root), SiteSettings.Default);
    }

    static Page PageOf(string path, string layout, string text) => new(path, layout, new PageHead(text, ""), new { Text = text });

    [Fact]
    public void Pages_rendered_one_after_another_on_a_thread_each_get_only_their_own_values()
    {
        var renderer = Theme(("base", "[{{ content }}|{{ page.title }}]"), ("note", "{{ seen = model.text }}<p>{{ seen }}</p>"));

        var first = Encoding.UTF8.GetString(renderer.Render(PageOf("a.html", "note", "one & two")));
        var second = Encoding.UTF8.GetString(renderer.Render(PageOf("b.html", "note", "three")));
        var again = Encoding.UTF8.GetString(renderer.Render(PageOf("a.html", "note", "one & two")));

        Assert.Equal("[<p>one &amp; two</p>|one &amp; two]", first);
        Assert.Equal("[<p>three</p>|three]", second);
        Assert.Equal(first, again);
    }

    [Fact]
    public void A_page_whose_layout_fails_names_the_layout_and_line_and_the_next_page_renders_whole()
    {
        var renderer = Theme(("base", "[{{ content }}]"), ("good", "<p>{{ model.text }}</p>"), ("bad", "<p>\n{{ for x in model.text }}{{ missing }}{{ end }}</p>"));

        var failure = Assert.Throws<TemplateException>(() => renderer.Render(PageOf("bad.html", "bad", "abc")));
        var next = Encoding.UTF8.GetString(renderer.Render(PageOf("good.html", "good", "fine")));

        Assert.EndsWith("bad.sbn", failure.File);
        Assert.Equal(2, failure.Line);
        Assert.Equal("[<p>fine</p>]", next);
    }

    [Fact]
    public void Utf8_into_the_threads_buffer_is_the_same_bytes_as_a_rendered_array_for_pages_small_large_and_small_again()
    {
        var renderer = Theme(("base", "[{{ content }}]"), ("note", "<p>{{ model.text }}</p>"));
        var large = string.Concat(Enumerable.Repeat("Grüße, 你好 & <b> ", 20_000));

        foreach (var text in new[] { "ß", large, "one", large + "!" })
        {
            var page = PageOf("a.html", "note", text);
            Assert.Equal(renderer.Render(page), renderer.RenderUtf8(page).ToArray());
        }
    }
}
