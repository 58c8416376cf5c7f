using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using SkiaSharp;

namespace ArchiveSite.Cards;

/// <summary>
/// Draws a quote card (1200x630, the Open Graph size): a large quote mark, the quote set as large as it fits,
/// then the speaker, their credentials, the transcript and the site. Thread-safe: share one per build.
/// </summary>
public sealed class CardRenderer(CardFonts fonts) : IDisposable
{
    public const int Width = 1200;
    public const int Height = 630;

    /// <summary>Bump when the drawing changes, so cached cards are redrawn.</summary>
    public const string Version = "1";

    static readonly SKColor Paper = new(0xF6, 0xF1, 0xE7);
    static readonly SKColor Ink = new(0x1F, 0x25, 0x33);
    static readonly SKColor Muted = new(0x5A, 0x61, 0x6E);
    static readonly SKColor Accent = new(0xA8, 0x3F, 0x27);

    public static CardPalette Palette { get; } = new(Paper, [Ink, Muted, Accent]);

    const float Left = 96;
    const float Right = Width - 96;
    const float QuoteTop = 64;
    const float QuoteBottom = 432;
    internal const float MaxQuoteSize = 60;
    internal const float MinQuoteSize = 30;
    const float QuoteSizeStep = 2;
    const float LineSpacing = 1.3f;

    // Bitmaps are reused across cards: a fresh 3 MB bitmap per card costs more than drawing on it.
    readonly ConcurrentBag<SKBitmap> spareBitmaps = [];

    public CardFonts Fonts => fonts;

    /// <summary>Draws and encodes the card as a paletted PNG.</summary>
    public byte[] RenderPng(QuoteCard card)
    {
        if (!spareBitmaps.TryTake(out var bitmap))
            bitmap = NewBitmap();
        try
        {
            using (var canvas = new SKCanvas(bitmap))
                Draw(card, canvas);
            return EncodePng(bitmap);
        }
        finally
        {
            spareBitmaps.Add(bitmap);
        }
    }

    /// <summary>Encodes a drawn card as a paletted PNG (its pixels must use only <see cref="Palette"/>'s colours).</summary>
    public static byte[] EncodePng(SKBitmap card) =>
        IndexedPngEncoder.Encode(PixelBytes(card), Width, Height, Palette);

    public SKBitmap Draw(QuoteCard card)
    {
        var bitmap = NewBitmap();
        using var canvas = new SKCanvas(bitmap);
        Draw(card, canvas);
        return bitmap;
    }

    static SKBitmap NewBitmap() => new(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque));

    public void Dispose()
    {
        while (spareBitmaps.TryTake(out var bitmap))
            bitmap.Dispose();
    }

    internal static ReadOnlySpan<byte> PixelBytes(SKBitmap bitmap) =>
        MemoryMarshal.CreateReadOnlySpan(ref MemoryMarshal.GetReference(bitmap.GetPixelSpan()), bitmap.ByteCount);

    void Draw(QuoteCard card, SKCanvas canvas)
    {
        using var typesetter = new Typesetter();
        using var ink = Paint(Ink);
        using var muted = Paint(Muted);
        using var accent = Paint(Accent);

        canvas.Clear(Paper);
        canvas.DrawRect(0, 0, 16, Height, accent);

        DrawQuote(card.Quote, canvas, typesetter, ink, accent);

        canvas.DrawRect(Left, 460, 72, 5, accent);
        var y = 512f;
        DrawLine(typesetter.SingleLine(card.SpeakerName, fonts.Name, Advance(Right - Left, 32)), fonts.Name, 32, Left, y, canvas, ink);
        if (!string.IsNullOrWhiteSpace(card.Credentials))
        {
            y += 36;
            DrawLine(typesetter.SingleLine(card.Credentials, fonts.Detail, Advance(Right - Left, 24)), fonts.Detail, 24, Left, y, canvas, muted);
        }

        var site = typesetter.SingleLine(card.SiteName, fonts.Name, Advance(Right - Left, 22));
        var siteWidth = Scale(site.Advance, 22);
        DrawLine(site, fonts.Name, 22, Right - siteWidth, Height - 40, canvas, accent);
        if (!string.IsNullOrWhiteSpace(card.TranscriptTitle))
        {
            var room = Right - Left - siteWidth - 48;
            if (room > 0)
                DrawLine(typesetter.SingleLine(card.TranscriptTitle, fonts.Detail, Advance(room, 22)), fonts.Detail, 22, Left, Height - 40, canvas, muted);
        }
    }

    void DrawQuote(string quote, SKCanvas canvas, Typesetter typesetter, SKPaint ink, SKPaint accent)
    {
        var layout = LayoutQuote(quote, typesetter);
        var size = layout.Size;
        // Centre the mark and the lines together in the quote box.
        var markHeight = size * 0.9f;
        var lineHeight = size * LineSpacing;
        var top = QuoteTop + (QuoteBottom - QuoteTop - markHeight - layout.Lines.Count * lineHeight) / 2;
        var markSize = size * 2.6f;
        using (var markFont = Typesetter.CreateFont(fonts.QuoteMark.Resolve('\u201C'), markSize))
            canvas.DrawText("\u201C", Left - size * 0.08f, top + markSize * 0.72f, SKTextAlign.Left, markFont, accent);
        var baseline = top + markHeight + size;
        foreach (var line in layout.Lines)
        {
            DrawLine(line, fonts.Quote, size, Left, baseline, canvas, ink);
            baseline += lineHeight;
        }
    }

    /// <summary>The quote as large as it fits in its box; at the smallest size, cut with an ellipsis.</summary>
    internal QuoteLayout LayoutQuote(string quote, Typesetter typesetter)
    {
        var atoms = typesetter.Atoms(quote, fonts.Quote);
        var maxAdvance = Right - Left;
        for (var size = MaxQuoteSize; ; size -= QuoteSizeStep)
        {
            var lines = typesetter.Wrap(atoms, Advance(maxAdvance, size), fonts.Quote);
            var room = (int)((QuoteBottom - QuoteTop - size * 0.9f) / (size * LineSpacing));
            if (lines.Count <= room)
                return new QuoteLayout(size, lines, Truncated: false);
            if (size - QuoteSizeStep < MinQuoteSize)
            {
                lines = lines.Take(room).ToList();
                lines[^1] = typesetter.WithEllipsis(lines[^1], Advance(maxAdvance, size), fonts.Quote);
                return new QuoteLayout(size, lines, Truncated: true);
            }
        }
    }

    static void DrawLine(TypesetLine line, FontChain chain, float size, float x, float baseline, SKCanvas canvas, SKPaint paint)
    {
        var scale = size / Typesetter.ReferenceSize;
        var fonts = new Dictionary<SKTypeface, SKFont>();
        try
        {
            for (var i = 0; i < line.Atoms.Count; i++)
            {
                var atom = line.Atoms[i];
                if (i > 0 && atom.SpaceBefore)
                    x += line.SpaceAdvance * scale;
                foreach (var run in atom.Runs)
                {
                    if (!fonts.TryGetValue(run.Typeface, out var font))
                        fonts[run.Typeface] = font = Typesetter.CreateFont(run.Typeface, size);
                    canvas.DrawText(run.Text, x, baseline, SKTextAlign.Left, font, paint);
                    x += run.Advance * scale;
                }
            }
        }
        finally
        {
            foreach (var font in fonts.Values)
                font.Dispose();
        }
    }

    static float Advance(float pixels, float size) => pixels * Typesetter.ReferenceSize / size;

    static float Scale(float advance, float size) => advance * size / Typesetter.ReferenceSize;

    static SKPaint Paint(SKColor color) => new() { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };
}

/// <summary>Where the quote's lines break and at which font size; truncated when it ends in an added ellipsis.</summary>
internal sealed record QuoteLayout(float Size, IReadOnlyList<TypesetLine> Lines, bool Truncated);
