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
            ReportMissing(context, missing);
            return;
        }

        using (fonts)
        using (var renderer = new CardRenderer(fonts))
        {
            // Only a build that keeps cards keeps their coverage: elsewhere (tests) every card is drawn anyway.
            var coverageFile = context.Writer is StagedOutput ? CardCoverage.FileFor(context.CacheDirectory) : null;
            var known = coverageFile is null ? [] : CardCoverage.Load(coverageFile);
            var cards = new (string Path, QuoteCard Card, string Key)[quotes.Count];
            var uncovered = new IReadOnlyList<int>?[quotes.Count];
            Parallel.For(0, quotes.Count, i =>
            {
                var card = CardOf(context.Archive, quotes[i]);
                cards[i] = (CardPath(quotes[i].Id), card, renderer.Key(card));
                uncovered[i] = known.GetValueOrDefault(cards[i].Key);
            });
            var toDraw = CardOutput.Keep(cards, context.Writer, context.ReportProgress);
            var anyUnchecked = uncovered.Any(u => u is null);
            if (toDraw.Count > 0 || anyUnchecked)
            {
                try
                {
                    fonts.Open();
                }
                catch (CardFontsMissingException missing)
                {
                    ReportMissing(context, missing);
                    return;
                }
            }
            if (anyUnchecked)
            {
                // In parallel: a build without the last one's coverage checks every card's text against the fonts.
                Parallel.For(0, cards.Length, i =>
                {
                    var card = cards[i].Card;
                    uncovered[i] ??= fonts.Uncovered(card.Quote, card.SpeakerName, card.Credentials, card.TranscriptTitle, card.SiteName);
                });
                if (coverageFile is not null)
                    CardCoverage.Save(coverageFile, [.. cards.Select(c => c.Key)], uncovered!);
            }
            for (var i = 0; i < quotes.Count; i++)
                if (uncovered[i] is { Count: > 0 } missing)
                    context.Report(Uncovered(context.Archive, quotes[i], missing));
            CardOutput.Draw(cards, toDraw, renderer, context.Writer, context.ReportProgress);
            context.Writer.Write(FontCredits, Credits(fonts));
        }
    }

    static void ReportMissing(OutputContext context, CardFontsMissingException missing) =>
        context.Report(new Diagnostic(Severity.Error, context.Theme.NodeModules, 1, missing.Message));

    public static QuoteCard CardOf(TranscriptArchive archive, ArchivedQuote quote)
    {
        var person = quote.PersonId is { } id && archive.HasPerson(id) ? archive.Person(id) : null;
        return new QuoteCard(quote.Text, person?.Name ?? "Unattributed", person?.Credentials,
            archive.Transcript(quote.TranscriptSlug).Title, archive.Site.Title);
    }

    /// <returns>A warning naming the characters of the quote's card no card font has.</returns>
    static Diagnostic Uncovered(TranscriptArchive archive, ArchivedQuote quote, IReadOnlyList<int> missing) =>
        new(Severity.Warning, archive.Transcript(quote.TranscriptSlug).Source.SourcePath, quote.Line,
            $"the quote card shows boxes for characters no card font has: {string.Join(", ", missing.Select(c => $"U+{c:X4}"))}");

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
