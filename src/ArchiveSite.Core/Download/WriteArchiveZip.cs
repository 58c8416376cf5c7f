using System.Text;
using System.Text.RegularExpressions;
using ArchiveSite.Output;

namespace ArchiveSite.Download;

/// <summary>
/// The last output step: zips the whole staged site into <c>archive.zip</c> for offline reading. Every
/// page's footer shows the download's size in <c>&lt;span class="archive-size"&gt;</c>, but the pages are
/// inside the zip, so the size is found by fixed point: zip, write the formatted size into the pages, zip
/// again, until the size the pages show is the size of the zip that holds them (two rounds in practice).
/// </summary>
public sealed partial class WriteArchiveZip : IOutputStep
{
    const int MaxRounds = 6;

    [GeneratedRegex("""(<span class="archive-size">)[^<]*(</span>)""")]
    private static partial Regex SizeSpan();

    public string Name => "download";

    public void Run(OutputContext context)
    {
        // Only a site staged on disk can be zipped; writers that keep pages elsewhere (tests) get no download.
        if (context.Writer is not StagedOutput staged)
            return;
        var site = staged.StagingDirectory;
        var pages = staged.Written
            .Where(p => p.EndsWith(".html", StringComparison.Ordinal))
            .Select(p => Path.Combine(site, p))
            .ToList();
        var zip = site + ".zip";
        try
        {
            string? shown = null;
            for (var round = 0; round < MaxRounds; round++)
            {
                var size = ArchiveZip.FormatSize(ArchiveZip.Write(site, zip));
                if (size == shown)
                    break;
                shown = size;
                ShowSize(pages, size);
            }
            context.Writer.Write(ArchiveZip.FileName, File.ReadAllBytes(zip));
        }
        finally
        {
            File.Delete(zip);
        }
    }

    static void ShowSize(List<string> pages, string size) =>
        Parallel.ForEach(pages, page =>
        {
            var html = File.ReadAllText(page, Encoding.UTF8);
            var shown = SizeSpan().Replace(html, m => m.Groups[1].Value + size + m.Groups[2].Value);
            if (!ReferenceEquals(shown, html) && shown != html)
                File.WriteAllText(page, shown, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        });
}
