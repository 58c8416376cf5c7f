using System.Text;
using ArchiveSite.Archive;
using ArchiveSite.Model;
using ArchiveSite.Output;

namespace ArchiveSite.Cards;

/// <summary>
/// Output step: a share image <c>cards/&lt;quote id&gt;.png</c> for every quote, drawn in parallel (a rebuild
/// draws only changed cards, see <see cref="CardOutput"/>), and a credit for the fonts they are drawn with.
/// </summary>
public sealed class WriteQuoteCards : IOutputStep
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
            var cards = new (string Path, QuoteCard Card)[quotes.Count];
            var uncovered = new Diagnostic?[quotes.Count];
            // In parallel, as a rebuild that keeps every card still checks every card's text against the fonts.
            Parallel.For(0, quotes.Count, i =>
            {
                cards[i] = (CardPath(quotes[i].Id), CardOf(context.Archive, quotes[i]));
                uncovered[i] = Uncovered(context.Archive, fonts, quotes[i], cards[i].Card);
            });
            foreach (var diagnostic in uncovered.OfType<Diagnostic>())
                context.Report(diagnostic);
            CardOutput.Write(cards, renderer, context.Writer, context.ReportProgress);
            context.Writer.Write(FontCredits, Credits(fonts));
        }
    }

    public static QuoteCard CardOf(TranscriptArchive archive, ArchivedQuote quote)
    {
        var person = quote.PersonId is { } id && archive.HasPerson(id) ? archive.Person(id) : null;
        return new QuoteCard(quote.Text, person?.Name ?? "Unattributed", person?.Credentials,
            archive.Transcript(quote.TranscriptSlug).Title, archive.Site.Title);
    }

    /// <returns>A warning naming the characters of the card no card font has, or null when it has none.</returns>
    static Diagnostic? Uncovered(TranscriptArchive archive, CardFonts fonts, ArchivedQuote quote, QuoteCard card)
    {
        var missing = fonts.Uncovered(card.Quote, card.SpeakerName, card.Credentials, card.TranscriptTitle, card.SiteName);
        return missing.Count == 0 ? null
            : new Diagnostic(Severity.Warning, archive.Transcript(quote.TranscriptSlug).Source.SourcePath, quote.Line,
                $"the quote card shows boxes for characters no card font has: {string.Join(", ", missing.Select(c => $"U+{c:X4}"))}");
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
