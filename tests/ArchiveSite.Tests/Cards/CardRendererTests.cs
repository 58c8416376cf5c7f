using ArchiveSite.Cards;
using SkiaSharp;

namespace ArchiveSite.Tests.Cards;

public sealed class CardRendererTests(CardFixture fixture) : IClassFixture<CardFixture>
{
    public static TheoryData<string> Quotes => new()
    {
        "We are not going to solve this by pretending the record doesn't exist.",
        "Die Größe der Aufgabe überraschte uns alle: Übermäßig, äußerst schön, Straße, Fußgänger.",
        "Decomposed umlauts: Mu\u0308ller, Scho\u0308nheit.",
        "Мы говорили о памяти и о том, как её сохранить для следующих поколений.",
        "Η ιστορία δεν επαναλαμβάνεται, αλλά ομοιοκαταληκτεί.",
        "我们必须记住过去，才能理解现在。档案是我们共同的记忆。",
        "<script>alert(1)</script> & \"quoted\" <b>bold</b>",
        string.Join(" ", Enumerable.Repeat("A very long quote that keeps going well past what any card can hold at a readable size.", 30)),
    };

    [Theory]
    [MemberData(nameof(Quotes))]
    public void Card_is_a_1200x630_png_with_text_drawn_in_the_ink_colours(string quote)
    {
        var png = fixture.Renderer.RenderPng(CardFixture.Sample(quote));

        using var decoded = SKBitmap.Decode(png);
        Assert.NotNull(decoded);
        Assert.Equal((1200, 630), (decoded.Width, decoded.Height));
        var inkPixels = decoded.Pixels.Count(p => p == CardRenderer.Palette.Inks[0]);
        Assert.True(inkPixels > 2000, $"only {inkPixels} pixels in the text colour");
    }

    [Theory]
    [MemberData(nameof(Quotes))]
    public void Every_character_of_the_test_quotes_has_a_glyph_in_a_card_font(string quote)
    {
        Assert.Empty(fixture.Fonts.Uncovered(quote));
    }

    [Fact]
    public void Characters_no_card_font_has_are_reported()
    {
        Assert.Equal([0x0627], fixture.Fonts.Uncovered("Arabic \u0627 is not in the Noto Sans, Serif or SC packages"));
    }

    [Theory]
    [InlineData("It doesn't rest", "Dr. Ana Ribeiro", null)]
    [InlineData("Tab\tand\nnew line", "Ana", "PhD")]
    [InlineData("Plain words", "Sam", "Arabic \u0627 in the credentials")]
    [InlineData("记忆 and ß", "Ana", "\u0627\u0628 twice \u0627")]
    [InlineData("“Curly” quotes — and a\u00A0no-break space\u200B", "Zoë", "\uD83D\uDE00 an emoji")]
    [InlineData("A private \uE000 character and a lone \uD800 surrogate", "Ana", null)]
    public void The_parts_of_a_card_have_the_uncovered_characters_of_their_text_joined(string quote, string name, string? credentials)
    {
        string?[] parts = [quote, name, credentials, "A Title", "The Site"];
        Assert.Equal(fixture.Fonts.Uncovered(string.Join(" ", parts)), fixture.Fonts.Uncovered(parts));
    }

    [Fact]
    public void Chinese_is_drawn_with_noto_sans_sc_and_latin_with_noto_serif()
    {
        Assert.Equal("Noto Sans SC", fixture.Fonts.Quote.Resolve('记').FamilyName);
        Assert.Equal("Noto Serif", fixture.Fonts.Quote.Resolve('ß').FamilyName);
        Assert.Equal("Noto Serif", fixture.Fonts.Quote.Resolve('Ж').FamilyName);
        Assert.Equal("Noto Serif", fixture.Fonts.Quote.Resolve('λ').FamilyName);
    }

    [Fact]
    public void The_same_card_gives_the_same_bytes_even_from_freshly_loaded_fonts()
    {
        var card = CardFixture.Sample("Same input, same bytes: 同じ, то же самое, το ίδιο.");
        using var fonts = CardFonts.Load(CardFixture.ThemeDir);
        using var renderer = new CardRenderer(fonts);

        var first = fixture.Renderer.RenderPng(card);
        Assert.Equal(first, fixture.Renderer.RenderPng(card));
        Assert.Equal(first, renderer.RenderPng(card));
        Assert.NotEqual(first, renderer.RenderPng(card with { SpeakerName = "Someone Else" }));
    }

    [Theory]
    [MemberData(nameof(Quotes))]
    public void Card_drawn_in_palette_indices_matches_skia_drawing_it_in_full_colour(string quote)
    {
        var card = CardFixture.Sample(quote);
        using var expected = new SKBitmap(new SKImageInfo(CardRenderer.Width, CardRenderer.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var skia = new SkiaSurface(expected, CardRenderer.Palette))
            fixture.Renderer.Draw(card, skia);
        using var decoded = SKBitmap.Decode(fixture.Renderer.RenderPng(card));

        // A ramp step of the most contrasting ink, in the channel where it is widest: the palette's colours are
        // within half a step of any blend, plus one for rounding.
        var palette = CardRenderer.Palette;
        var step = palette.Inks.Max(ink => Math.Max(Math.Abs(ink.Red - palette.Background.Red),
            Math.Max(Math.Abs(ink.Green - palette.Background.Green), Math.Abs(ink.Blue - palette.Background.Blue)))) / (double)palette.Levels;
        var halfStep = (int)Math.Ceiling(step / 2) + 1;
        var (worst, off, total, inked) = (0, 0, 0L, 0);
        var (want, got) = (expected.Pixels, decoded.Pixels);
        for (var i = 0; i < want.Length; i++)
        {
            var difference = Math.Max(Math.Abs(want[i].Red - got[i].Red), Math.Max(Math.Abs(want[i].Green - got[i].Green), Math.Abs(want[i].Blue - got[i].Blue)));
            worst = Math.Max(worst, difference);
            total += difference;
            if (difference > halfStep)
                off++;
            if (want[i] != palette.Background)
                inked++;
        }
        // Only where glyphs overlap (coverage rounded to a level, then blended again) may a pixel be further off.
        // Measured with 16 levels (step 13.4, half a step 8): at most 1 pixel over it (11, in the long quote), worst
        // 7 elsewhere, 1.1 to 1.8 on average over the inked pixels.
        Assert.True(off <= want.Length / 10000, $"{off} pixels differ by more than {halfStep} (worst {worst})");
        Assert.InRange(worst, 0, 2 * halfStep);
        // On average no more than a quarter step off where there is ink.
        Assert.InRange((double)total / inked, 0, step / 4);
    }

    [Fact]
    public void Short_quote_is_set_at_the_largest_size_and_a_long_one_shrinks()
    {
        using var typesetter = new Typesetter();
        var brief = fixture.Renderer.LayoutQuote("Keep the record.", typesetter);
        var medium = fixture.Renderer.LayoutQuote(string.Join(" ", Enumerable.Repeat("A quote of some length to wrap.", 8)), typesetter);

        Assert.Equal(CardRenderer.MaxQuoteSize, brief.Size);
        Assert.Single(brief.Lines);
        Assert.InRange(medium.Size, CardRenderer.MinQuoteSize, CardRenderer.MaxQuoteSize - 1);
        Assert.False(medium.Truncated);
    }

    [Fact]
    public void Each_quote_is_set_at_the_largest_size_whose_lines_fit_the_box()
    {
        using var typesetter = new Typesetter();
        const float width = 1200 - 2 * 96;
        var sizes = new List<float>();
        for (var words = 1; words <= 120; words += 7)
        {
            var quote = string.Join(" ", Enumerable.Range(0, words).Select(i => i % 5 == 0 ? "extraordinarily" : "word"));
            var layout = fixture.Renderer.LayoutQuote(quote, typesetter);
            sizes.Add(layout.Size);
            if (layout.Truncated || layout.Size == CardRenderer.MaxQuoteSize)
                continue;
            var atoms = typesetter.Atoms(quote, fixture.Fonts.Quote);
            var larger = layout.Size + 2;
            var linesAtLarger = typesetter.Wrap(atoms, width * Typesetter.ReferenceSize / larger, fixture.Fonts.Quote).Count;
            Assert.True(linesAtLarger > CardRenderer.Room(larger), $"{words} words fit at {larger} but were set at {layout.Size}");
            Assert.InRange(layout.Lines.Count, 1, CardRenderer.Room(layout.Size));
        }
        Assert.Equal(sizes.OrderByDescending(s => s), sizes);
        Assert.Contains(sizes, s => s is > CardRenderer.MinQuoteSize and < CardRenderer.MaxQuoteSize);
    }

    [Fact]
    public void Quote_too_long_for_the_smallest_size_ends_with_an_ellipsis()
    {
        using var typesetter = new Typesetter();
        var layout = fixture.Renderer.LayoutQuote(string.Join(" ", Enumerable.Repeat("Words upon words upon words.", 200)), typesetter);

        Assert.True(layout.Truncated);
        Assert.Equal(CardRenderer.MinQuoteSize, layout.Size);
        Assert.Equal("\u2026", layout.Lines[^1].Atoms[^1].Runs[^1].Text);
    }

    [Fact]
    public void A_word_longer_than_a_line_is_split_rather_than_overflowing()
    {
        using var typesetter = new Typesetter();
        var layout = fixture.Renderer.LayoutQuote("https://example.org/" + new string('x', 400), typesetter);

        Assert.True(layout.Lines.Count > 1);
        Assert.All(layout.Lines, l => Assert.InRange(l.Advance * layout.Size / Typesetter.ReferenceSize, 0, 1200 - 2 * 96 + 0.5));
    }

    [Fact]
    public void Chinese_wraps_between_characters_but_keeps_punctuation_off_the_line_start()
    {
        using var typesetter = new Typesetter();
        var layout = fixture.Renderer.LayoutQuote(string.Concat(Enumerable.Repeat("我们必须记住过去，才能理解现在。", 12)), typesetter);

        Assert.True(layout.Lines.Count > 1);
        Assert.All(layout.Lines.Skip(1), l => Assert.False(CardText.IsClosing(char.ConvertToUtf32(l.Atoms[0].Runs[0].Text, 0))));
    }

    [Fact]
    public void Missing_fonts_fail_with_a_message_that_says_to_run_npm_ci()
    {
        var error = Assert.Throws<CardFontsMissingException>(() => CardFonts.Load(Path.Combine(Path.GetTempPath(), "no-such-theme")));
        Assert.Contains("npm ci", error.Message);
        Assert.Contains("no-such-theme", error.Message);
    }
}
