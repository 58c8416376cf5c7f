using System.Collections.Concurrent;
using System.Text;
using ArchiveSite.Archive;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace ArchiveSite.Site;

/// <summary>
/// Renders pages with the theme's layouts: the page's own layout draws the main content, then
/// <c>base.sbn</c> wraps it with the head, header, search box and footer. Safe to use from many threads.
/// </summary>
public sealed class PageRenderer(ThemeFolder theme, SiteSettings site)
{
    public const string BaseLayout = "base";

    readonly ConcurrentDictionary<string, Lazy<Template>> _templates = new(StringComparer.Ordinal);

    /// <summary>
    /// One context per thread, reused page after page: a context caches how it reads each model type, and
    /// making that cache again for every page cost more than drawing it. A render that fails drops it.
    /// </summary>
    [ThreadStatic]
    static HtmlTemplateContext? t_context;

    public byte[] Render(Page page) => Encoding.UTF8.GetBytes(RenderInto(page).ToString());

    /// <summary>
    /// The page as UTF-8 in this thread's buffer, valid until the thread renders again: a build writes the bytes out
    /// at once, and a fresh array per page is 113 MB for 1,000 transcripts, half of it large-object heap.
    /// </summary>
    public ReadOnlySpan<byte> RenderUtf8(Page page)
    {
        var html = RenderInto(page);
        var needed = Encoding.UTF8.GetMaxByteCount(html.Length);
        if (t_utf8 is null || t_utf8.Length < needed)
            t_utf8 = new byte[Math.Max(needed, 2 * (t_utf8?.Length ?? 0))];
        var written = 0;
        var encoder = t_encoder ??= Encoding.UTF8.GetEncoder();
        encoder.Reset();
        foreach (var chunk in html.GetChunks())
            written += encoder.GetBytes(chunk.Span, t_utf8.AsSpan(written), flush: false);
        written += encoder.GetBytes([], t_utf8.AsSpan(written), flush: true);
        return t_utf8.AsSpan(0, written);
    }

    [ThreadStatic]
    static byte[]? t_utf8;
    [ThreadStatic]
    static Encoder? t_encoder;

    /// <summary>
    /// This thread's two outputs, kept from page to page: the page layout's and the whole page's. Rendering into
    /// them and encoding from them saves three copies of each page as a string (237 MB of UTF-16 for the 119 MB of
    /// HTML of 1,000 transcripts, half of it large-object heap, which the GC clears before handing it out).
    /// </summary>
    [ThreadStatic]
    static (StringBuilderOutput Content, StringBuilderOutput Page)? t_outputs;

    /// <returns>The page's HTML in this thread's page output, valid until the thread renders again.</returns>
    StringBuilder RenderInto(Page page)
    {
        var (content, whole) = t_outputs ??= (new StringBuilderOutput(), new StringBuilderOutput());
        var root = Urls.RootOf(page.Path);
        var model = page.Model is ModelMadeWhenRendered later ? later.Value : page.Model;
        RenderLayout(page.Layout, page.Path, Globals(("model", model), ("root", root), ("site", site)), content);
        RenderLayout(BaseLayout, page.Path, Globals(("content", new RenderedHtml(content.Builder)), ("page", HeadOf(page)),
            ("links", LinksFrom(page.Path)), ("root", root), ("site", site)), whole);
        return whole.Builder;
    }

    /// <summary>
    /// What a layout reads, read-only as Scriban's import of an object would make them, set directly: the import
    /// reads the object's properties and their attributes by reflection, twice a page.
    /// </summary>
    static ScriptObject Globals(params ReadOnlySpan<(string Name, object? Value)> values)
    {
        var globals = new ScriptObject(values.Length);
        foreach (var (name, value) in values)
            globals.SetValue(name, value, readOnly: true);
        return globals;
    }

    HeadView HeadOf(Page page)
    {
        var image = page.Head.Image ?? site.DefaultImage;
        var isHome = page.Path == Urls.Home;
        return new HeadView(
            isHome ? site.Title : $"{page.Head.Title} · {site.Title}",
            page.Head.Title,
            page.Head.Description,
            Urls.Absolute(site, page.Path),
            Urls.Absolute(site, image) ?? Urls.Relative(page.Path, image),
            page.Head.OgType,
            page.Head.JsonLd,
            page.Path);
    }

    static LinksView LinksFrom(string page) => new(
        Urls.Relative(page, Urls.Home),
        Urls.Relative(page, Urls.SpeakersIndex),
        Urls.Relative(page, Urls.TopicsIndex),
        Urls.Relative(page, Urls.Search),
        Urls.Relative(page, Urls.Stylesheet),
        Urls.Relative(page, Urls.Script),
        Urls.Relative(page, Urls.Feed));

    /// <summary>
    /// Renders <paramref name="layout"/> into <paramref name="output"/> (emptied first) as <see cref="Template.Render(TemplateContext)"/>
    /// does, but without making a string of the output.
    /// </summary>
    void RenderLayout(string layout, string pagePath, ScriptObject globals, StringBuilderOutput output)
    {
        var template = _templates.GetOrAdd(layout, name => new Lazy<Template>(() => Load(name))).Value;
        var context = t_context ??= new HtmlTemplateContext();
        output.Builder.Clear();
        context.PushGlobal(globals);
        context.PushOutput(output);
        // Load parses each layout from its file and refuses one with errors: both are set.
        var (file, script) = (template.SourceFilePath!, template.Page!);
        context.PushSourceFile(file);
        try
        {
            var result = context.Evaluate(script);
            if (result is not null)
                context.Write(script.Span, result);
            context.PopSourceFile();
            context.PopOutput();
            context.PopGlobal();
        }
        catch (ScriptRuntimeException e)
        {
            t_context = null;
            throw new TemplateException(theme.LayoutFile(layout), e.Span.Start.Line + 1, $"{e.OriginalMessage} (rendering {pagePath})");
        }
        catch
        {
            t_context = null;
            throw;
        }
    }

    Template Load(string layout)
    {
        var file = theme.LayoutFile(layout);
        if (!File.Exists(file))
            throw new TemplateException(file, 1, "the layout file is missing");
        var template = Template.Parse(File.ReadAllText(file), file);
        if (template.HasErrors)
        {
            var first = template.Messages.First();
            throw new TemplateException(file, first.Span.Start.Line + 1, string.Join("; ", template.Messages.Select(m => m.Message)));
        }
        return template;
    }

    /// <summary>What <c>base.sbn</c> reads as <c>page</c>.</summary>
    public sealed record HeadView(string FullTitle, string Title, string Description, string? Canonical, string Image,
        string OgType, RawHtml? JsonLd, string Path);

    /// <summary>Links every page has, relative to that page.</summary>
    public sealed record LinksView(string Home, string Speakers, string Topics, string Search, string Stylesheet, string Script, string Feed);
}
