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
        // Only a staged site can be zipped; writers that keep pages elsewhere (tests) get no download.
        if (context.Writer is not StagedOutput staged)
            return;
        var pages = staged.Files.Where(p => p.EndsWith(".html", StringComparison.Ordinal)).ToList();
        var zip = staged.StagingDirectory + ".zip";
        try
        {
            string? shown = null;
            for (var round = 0; round < MaxRounds; round++)
            {
                var files = staged.Files.Select(p => (p, (Func<Stream>)(() => staged.OpenRead(p))));
                var size = ArchiveZip.FormatSize(ArchiveZip.Write(files, zip));
                if (size == shown)
                    break;
                shown = size;
                ShowSize(staged, pages, size);
            }
            context.Writer.Write(ArchiveZip.FileName, File.ReadAllBytes(zip));
        }
        finally
        {
            File.Delete(zip);
        }
    }

    static void ShowSize(StagedOutput staged, List<string> pages, string size) =>
        Parallel.ForEach(pages, page =>
        {
            var html = Encoding.UTF8.GetString(staged.ReadAllBytes(page));
            var shown = SizeSpan().Replace(html, m => m.Groups[1].Value + size + m.Groups[2].Value);
            if (shown != html)
                staged.Rewrite(page, Encoding.UTF8.GetBytes(shown));
        });
}
