using System.Text;
using ArchiveSite.Archive;
using ArchiveSite.Model;
using ArchiveSite.Output;

namespace ArchiveSite.Cards;

/// <summary>
/// Output step: a share image <c>cards/&lt;quote id&gt;.png</c> for every quote, drawn in parallel through the
/// content-hash cache (so a rebuild draws only changed cards), and a credit for the fonts they are drawn with.
/// </summary>
/// <param name="cacheDirectory">Where cards are kept across builds; by default the <c>cards</c> folder of the
/// build's cache directory.</param>
public sealed class WriteQuoteCards(string? cacheDirectory = null) : IOutputStep
{
    public const string FontCredits = "cards/FONTS.txt";

    public static string CardPath(string quoteId) => $"cards/{quoteId}.png";

    public string Name => "quote cards";

    public void Run(OutputContext context)
    {
        var quotes = context.Archive.Quotes;
        if (quotes.Count == 0)
            return;
        CardFonts fonts;
        try
        {
            fonts = CardFonts.Load(context.Theme.Root);
        }
        catch (CardFontsMissingException missing)
        {
            context.Report(new Diagnostic(Severity.Error, context.Theme.NodeModules, 1, missing.Message));
            return;
        }

        using (fonts)
        using (var renderer = new CardRenderer(fonts))
        {
            var cache = new CardCache(cacheDirectory ?? Path.Combine(context.CacheDirectory, "cards"), renderer);
            // Each card goes out as soon as it is drawn, from memory: reading it back from the cache would
            // double a cold build's disk traffic, and holding every card until the end its memory.
            var drawn = 0;
            Parallel.ForEach(quotes, quote =>
            {
                var card = CardOf(context.Archive, quote);
                ReportUncovered(context, fonts, quote, card);
                context.Writer.Write(CardPath(quote.Id), cache.GetOrDraw(card).ReadPng());
                context.ReportProgress(Interlocked.Increment(ref drawn), quotes.Count);
            });
            context.Writer.Write(FontCredits, Credits(fonts));
        }
    }

    public static QuoteCard CardOf(TranscriptArchive archive, ArchivedQuote quote)
    {
        var person = quote.PersonId is { } id && archive.HasPerson(id) ? archive.Person(id) : null;
        return new QuoteCard(quote.Text, person?.Name ?? "Unattributed", person?.Credentials,
            archive.Transcript(quote.TranscriptSlug).Title, archive.Site.Title);
    }

    static void ReportUncovered(OutputContext context, CardFonts fonts, ArchivedQuote quote, QuoteCard card)
    {
        var missing = fonts.Uncovered(string.Join(" ", card.Quote, card.SpeakerName, card.Credentials, card.TranscriptTitle, card.SiteName));
        if (missing.Count > 0)
            context.Report(new Diagnostic(Severity.Warning, context.Archive.Transcript(quote.TranscriptSlug).Source.SourcePath, quote.Line,
                $"the quote card shows boxes for characters no card font has: {string.Join(", ", missing.Select(c => $"U+{c:X4}"))}"));
    }

    static byte[] Credits(CardFonts fonts)
    {
        var text = new StringBuilder("The quote cards in this folder are drawn with the Noto fonts (Noto Serif, Noto Sans,\n")
            .Append("Noto Sans SC) from the @fontsource npm packages, licensed under the SIL Open Font License 1.1.\n")
            .Append("The fonts themselves are not included here. Their licence follows.\n");
        foreach (var (package, license) in fonts.Licenses.Where(l => File.Exists(l.LicensePath)))
            text.Append($"\n==== @fontsource/{package} ====\n\n").Append(File.ReadAllText(license).ReplaceLineEndings("\n"));
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
