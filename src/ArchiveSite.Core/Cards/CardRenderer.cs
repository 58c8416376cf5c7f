using ArchiveSite.Output;
using SkiaSharp;

namespace ArchiveSite.Cards;

/// <summary>
/// Draws a quote card (1200x630, the Open Graph size): a large quote mark, the quote set as large as it fits,
/// then the speaker, their credentials, the transcript and the site. Thread-safe: share one per build.
/// </summary>
public sealed class CardRenderer : IDisposable
{
    public const int Width = 1200;
    public const int Height = 630;

    /// <summary>Bump when the drawing or its encoding changes, so kept cards are redrawn (a rebuild equals a clean build).</summary>
    public const string Version = "5";

    static readonly SKColor Paper = new(0xF6, 0xF1, 0xE7);
    static readonly SKColor Ink = new(0x1F, 0x25, 0x33);
    static readonly SKColor Muted = new(0x5A, 0x61, 0x6E);
    static readonly SKColor Accent = new(0xA8, 0x3F, 0x27);

    /// <summary>
    /// 16 levels an ink: a colour is then within 1/32 of the ink's contrast with the paper (under 7 of 255 a
    /// channel) of the exact blend, which is not visible on an antialiased edge, and the cards are a tenth smaller
    /// than with 85 levels.
    /// </summary>
    public static CardPalette Palette { get; } = new(Paper, [Ink, Muted, Accent], levels: 16);

    const float Left = 96;
    const float Right = Width - 96;
    const float QuoteTop = 64;
    const float QuoteBottom = 432;
    internal const float MaxQuoteSize = 60;
    internal const float MinQuoteSize = 30;
    const float QuoteSizeStep = 2;
    const float LineSpacing = 1.3f;

    // Palette order: the inks' numbers when drawing.
    const int InkIndex = 0, MutedIndex = 1, AccentIndex = 2;

    readonly CardFonts fonts;
    // A canvas and fonts per thread, reused card after card: setting them up costs more than a card.
    readonly ThreadLocal<Workspace> workspaces;

    public CardRenderer(CardFonts fonts)
    {
        this.fonts = fonts;
        keyPrefix = ["archivesite-quote-card", Version, fonts.Versions, Palette.ToString()];
        var runCache = new RunCache();
        var masks = new GlyphMasks(Palette);
        workspaces = new(() => new Workspace(runCache, masks), trackAllValues: true);
    }

    public CardFonts Fonts => fonts;

    /// <summary>
    /// Names everything that affects the card's picture (its text, the fonts, the palette, this renderer's
    /// version), so that a card already drawn from the same key need not be drawn again.
    /// </summary>
    public string Key(QuoteCard card) =>
        // Hashed as parts (each led by its length, so moving text from one to the next changes the key), not one
        // joined string: a rebuild keys all 11,000 cards of 1,000 transcripts, and their joined strings were most
        // of what it allocated.
        ContentHash.OfParts([.. keyPrefix, card.Quote, card.SpeakerName, card.Credentials ?? "\0", card.TranscriptTitle ?? "\0", card.SiteName]);

    /// <summary>The parts of every card's key that are the same for all cards of a build, made once.</summary>
    readonly string[] keyPrefix;

    /// <summary>Draws and encodes the card as a paletted PNG.</summary>
    public byte[] RenderPng(QuoteCard card) => EncodePng(DrawPaletted(card));

    /// <summary><see cref="RenderPng"/> into this thread's buffer, for writing out at once.</summary>
    /// <returns>The PNG, valid until this thread's next card.</returns>
    internal ReadOnlySpan<byte> RenderPngInPlace(QuoteCard card)
    {
        var drawn = DrawPaletted(card);
        return IndexedPngEncoder.EncodeScanlinesInPlace(drawn.Scanlines, drawn.Width, drawn.Height, drawn.Palette);
    }

    /// <summary>The card in full colour, as its PNG shows it.</summary>
    public SKBitmap Draw(QuoteCard card) => DrawPaletted(card).ToBitmap();

    /// <summary>The card in palette indices, on this thread's canvas (valid until its next card).</summary>
    internal PalettedCanvas DrawPaletted(QuoteCard card)
    {
        var canvas = workspaces.Value!.Canvas;
        Draw(card, canvas);
        return canvas;
    }

    internal static byte[] EncodePng(PalettedCanvas card) =>
        IndexedPngEncoder.EncodeScanlines(card.Scanlines, card.Width, card.Height, card.Palette);

    public void Dispose()
    {
        foreach (var workspace in workspaces.Values)
            workspace.Dispose();
        workspaces.Dispose();
    }

    internal void Draw(QuoteCard card, ICardSurface surface)
    {
        var typesetter = workspaces.Value!.Typesetter;
        surface.Clear();
        surface.FillRect(new SKRectI(0, 0, 16, Height), AccentIndex);

        DrawQuote(card.Quote, surface, typesetter);

        surface.FillRect(new SKRectI((int)Left, 460, (int)Left + 72, 465), AccentIndex);
        var y = 512f;
        DrawLine(typesetter.SingleLine(card.SpeakerName, fonts.Name, Advance(Right - Left, 32)), 32, Left, y, surface, typesetter, InkIndex);
        if (!string.IsNullOrWhiteSpace(card.Credentials))
        {
            y += 36;
            DrawLine(typesetter.SingleLine(card.Credentials, fonts.Detail, Advance(Right - Left, 24)), 24, Left, y, surface, typesetter, MutedIndex);
        }

        var site = typesetter.SingleLine(card.SiteName, fonts.Name, Advance(Right - Left, 22));
        var siteWidth = Scale(site.Advance, 22);
        DrawLine(site, 22, Right - siteWidth, Height - 40, surface, typesetter, AccentIndex);
        if (!string.IsNullOrWhiteSpace(card.TranscriptTitle))
        {
            var room = Right - Left - siteWidth - 48;
            if (room > 0)
                DrawLine(typesetter.SingleLine(card.TranscriptTitle, fonts.Detail, Advance(room, 22)), 22, Left, Height - 40, surface, typesetter, MutedIndex);
        }
    }

    void DrawQuote(string quote, ICardSurface surface, Typesetter typesetter)
    {
        var layout = LayoutQuote(quote, typesetter);
        var size = layout.Size;
        // Centre the mark and the lines together in the quote box.
        var markHeight = size * 0.9f;
        var lineHeight = size * LineSpacing;
        var top = QuoteTop + (QuoteBottom - QuoteTop - markHeight - layout.Lines.Count * lineHeight) / 2;
        var markSize = size * 2.6f;
        var markFont = typesetter.Font(fonts.QuoteMark.Resolve('\u201C'), markSize);
        surface.DrawText("\u201C", markFont, Left - size * 0.08f, top + markSize * 0.72f, AccentIndex);
        var baseline = top + markHeight + size;
        foreach (var line in layout.Lines)
        {
            DrawLine(line, size, Left, baseline, surface, typesetter, InkIndex);
            baseline += lineHeight;
        }
    }

    /// <summary>The quote as large as it fits in its box; at the smallest size, cut with an ellipsis.</summary>
    internal QuoteLayout LayoutQuote(string quote, Typesetter typesetter)
    {
        var atoms = typesetter.Atoms(quote, fonts.Quote);
        // A smaller size never needs more lines and has room for more, so the largest size that fits is found
        // by bisection over the sizes (largest first) instead of trying each in turn.
        var (first, last) = (0, SizeCount);
        List<TypesetLine>? fitted = null;
        while (first < last)
        {
            var middle = (first + last) / 2;
            if (Fit(atoms, SizeAt(middle), typesetter) is { } lines)
                (last, fitted) = (middle, lines);
            else
                first = middle + 1;
        }
        if (fitted is not null)
            return new QuoteLayout(SizeAt(last), fitted, Truncated: false);

        var wrapped = typesetter.Wrap(atoms, Advance(QuoteWidth, MinQuoteSize), fonts.Quote).Take(Room(MinQuoteSize)).ToList();
        wrapped[^1] = typesetter.WithEllipsis(wrapped[^1], Advance(QuoteWidth, MinQuoteSize), fonts.Quote);
        return new QuoteLayout(MinQuoteSize, wrapped, Truncated: true);
    }

    const int SizeCount = (int)((MaxQuoteSize - MinQuoteSize) / QuoteSizeStep) + 1;
    const float QuoteWidth = Right - Left;

    static float SizeAt(int step) => MaxQuoteSize - step * QuoteSizeStep;

    /// <summary>How many lines of quote fit in the box at <paramref name="size"/>.</summary>
    internal static int Room(float size) => (int)((QuoteBottom - QuoteTop - size * 0.9f) / (size * LineSpacing));

    /// <summary>The quote's lines at <paramref name="size"/>, or null when they do not fit the box.</summary>
    List<TypesetLine>? Fit(IReadOnlyList<TextAtom> atoms, float size, Typesetter typesetter)
    {
        var lines = typesetter.Wrap(atoms, Advance(QuoteWidth, size), fonts.Quote);
        return lines.Count <= Room(size) ? lines : null;
    }

    static void DrawLine(TypesetLine line, float size, float x, float baseline, ICardSurface surface, Typesetter typesetter, int ink)
    {
        var scale = size / Typesetter.ReferenceSize;
        for (var i = 0; i < line.Atoms.Count; i++)
        {
            var atom = line.Atoms[i];
            if (i > 0 && atom.SpaceBefore)
                x += line.SpaceAdvance * scale;
            foreach (var run in atom.Runs)
            {
                surface.DrawText(run.Text, typesetter.Font(run.Typeface, size), x, baseline, ink);
                x += run.Advance * scale;
            }
        }
    }

    static float Advance(float pixels, float size) => pixels * Typesetter.ReferenceSize / size;

    static float Scale(float advance, float size) => advance * size / Typesetter.ReferenceSize;

    /// <summary>What one thread draws cards with.</summary>
    sealed class Workspace(RunCache runCache, GlyphMasks masks) : IDisposable
    {
        public PalettedCanvas Canvas { get; } = new(Width, Height, Palette, masks);
        public Typesetter Typesetter { get; } = new(runCache);

        public void Dispose() => Typesetter.Dispose();
    }
}

/// <summary>Where the quote's lines break and at which font size; truncated when it ends in an added ellipsis.</summary>
internal sealed record QuoteLayout(float Size, IReadOnlyList<TypesetLine> Lines, bool Truncated);
