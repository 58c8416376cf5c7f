using ArchiveSite.Cards;
using ArchiveSite.Tests.Support;

namespace ArchiveSite.Tests.Cards;

/// <summary>Fonts and a renderer loaded once for all card tests (from the theme's npm packages).</summary>
public sealed class CardFixture : IDisposable
{
    public CardFixture()
    {
        Fonts = CardFonts.Load(ThemeDir);
        Renderer = new CardRenderer(Fonts);
    }

    public static string ThemeDir => Path.Combine(RepoPaths.Root, "theme");

    public CardFonts Fonts { get; }
    public CardRenderer Renderer { get; }

    public static QuoteCard Sample(string quote) => new(quote, "Dr. Ron Siegel",
        "Assistant Clinical Professor of Psychology, Harvard Medical School", "Mindfulness and Psychotherapy", "The Spoken Archive");

    public void Dispose()
    {
        Renderer.Dispose();
        Fonts.Dispose();
    }
}
