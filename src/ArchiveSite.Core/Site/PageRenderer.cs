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

    public byte[] Render(Page page) => Encoding.UTF8.GetBytes(RenderHtml(page));

    /// <summary>
    /// The page as UTF-8 in this thread's buffer, valid until the thread renders again: a build writes the bytes out
    /// at once, and a fresh array per page is 113 MB for 1,000 transcripts, half of it large-object heap.
    /// </summary>
    public ReadOnlySpan<byte> RenderUtf8(Page page)
    {
        var html = RenderHtml(page);
        var needed = Encoding.UTF8.GetMaxByteCount(html.Length);
        if (t_utf8 is null || t_utf8.Length < needed)
            t_utf8 = new byte[Math.Max(needed, 2 * (t_utf8?.Length ?? 0))];
        return t_utf8.AsSpan(0, Encoding.UTF8.GetBytes(html, t_utf8));
    }

    [ThreadStatic]
    static byte[]? t_utf8;

    string RenderHtml(Page page)
    {
        var root = Urls.RootOf(page.Path);
        var content = RenderLayout(page.Layout, page.Path, new { model = page.Model is ModelMadeWhenRendered later ? later.Value : page.Model, root, site });
        return RenderLayout(BaseLayout, page.Path, new
        {
            content = new RawHtml(content),
            page = HeadOf(page),
            links = LinksFrom(page.Path),
            root,
            site,
        });
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

    string RenderLayout(string layout, string pagePath, object globals)
    {
        var template = _templates.GetOrAdd(layout, name => new Lazy<Template>(() => Load(name))).Value;
        var context = t_context ??= new HtmlTemplateContext();
        var scriptObject = new ScriptObject();
        scriptObject.Import(globals, renamer: context.MemberRenamer);
        context.PushGlobal(scriptObject);
        try
        {
            var html = template.Render(context);
            context.PopGlobal();
            return html;
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
