using ArchiveSite.Model;
using ArchiveSite.Site;

namespace ArchiveSite.Output;

/// <summary><c>sitemap.xml</c> of every page. Sitemaps need absolute URLs, so it is written only when site.yml has a base_url.</summary>
public sealed class WriteSitemap : IOutputStep
{
    const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public string Name => "sitemap";

    public void Run(OutputContext context)
    {
        var site = context.Archive.Site;
        if (site.BaseUrl is null)
        {
            context.Report(new Diagnostic(Severity.Info, "site.yml", 1, "no base_url, so no sitemap.xml (it needs absolute URLs)"));
            return;
        }
        XmlOutput.Write(context.Writer, Urls.Sitemap, xml =>
        {
            xml.WriteStartElement("urlset", Namespace);
            foreach (var page in context.Pages.OrderBy(p => p.Path, StringComparer.Ordinal))
            {
                xml.WriteStartElement("url", Namespace);
                xml.WriteElementString("loc", Namespace, Urls.Absolute(site, page.Path));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        });
    }
}
