using System.Text.Json;

namespace ArchiveSite.Cards;

/// <summary>
/// The fonts cards are drawn with, all from the theme's @fontsource npm packages (never from the machine, which
/// may have none): Noto Serif for the quote, Noto Sans for the rest, Noto Sans SC behind both for CJK.
/// Thread-safe; load once per build and share. The faces are opened when first used (see <see cref="Open"/>): a
/// rebuild that keeps every card, and knows their coverage (<see cref="CardCoverage"/>), opens none.
/// </summary>
public sealed class CardFonts : IDisposable
{
    static readonly string[] Packages = ["noto-serif", "noto-sans", "noto-sans-sc"];

    readonly Dictionary<(string, int, bool), FontsourceFace> faces = [];
    readonly string fontsourceDir;
    readonly Lazy<(FontChain Quote, FontChain QuoteMark, FontChain Name, FontChain Detail)> chains;
    readonly Lazy<bool[]> coveredAscii;
    readonly Lazy<bool> typographicApostropheCovered;

    CardFonts(string fontsourceDir)
    {
        this.fontsourceDir = fontsourceDir;
        chains = new(() => (
            Chain(("noto-serif", 400, false), ("noto-sans", 400, false), ("noto-sans-sc", 400, false)),
            Chain(("noto-serif", 700, false)),
            Chain(("noto-sans", 700, false), ("noto-sans-sc", 700, false)),
            Chain(("noto-sans", 400, false), ("noto-sans-sc", 400, false))));
        Versions = string.Join(";", Packages.Select(p => $"{p}@{PackageVersion(p)}"));
        coveredAscii = new(() => [.. Enumerable.Range(0, 128).Select(c => Quote.Find(c) is not null)]);
        typographicApostropheCovered = new(() => Quote.Find('\u2019') is not null);
    }

    /// <param name="themeDir">The theme folder whose node_modules holds the @fontsource packages.</param>
    /// <exception cref="CardFontsMissingException">The packages are not installed.</exception>
    public static CardFonts Load(string themeDir)
    {
        var fontsourceDir = Path.Combine(themeDir, "node_modules", "@fontsource");
        foreach (var package in Packages)
            if (!Directory.Exists(Path.Combine(fontsourceDir, package)))
                throw CardFontsMissingException.For(Path.Combine(fontsourceDir, package));
        return new CardFonts(fontsourceDir);
    }

    /// <summary>Opens the faces now, so that a package missing a file is reported before any card is drawn.</summary>
    /// <exception cref="CardFontsMissingException">A face's files are not installed.</exception>
    public void Open() => _ = chains.Value;

    internal FontChain Quote => chains.Value.Quote;
    internal FontChain QuoteMark => chains.Value.QuoteMark;
    internal FontChain Name => chains.Value.Name;
    internal FontChain Detail => chains.Value.Detail;

    /// <summary>Package names and versions, part of every card's cache key: new fonts, new pictures.</summary>
    public string Versions { get; }

    /// <summary>The font licences (SIL OFL 1.1), to ship or credit beside the cards.</summary>
    public IEnumerable<(string Package, string LicensePath)> Licenses =>
        Packages.Select(p => (p, Path.Combine(fontsourceDir, p, "LICENSE")));

    /// <summary>Characters of <paramref name="text"/> that no card font can draw (they would show as boxes).</summary>
    public IReadOnlyList<int> Uncovered(string text) =>
        CardText.CodePoints(text).Where(c => Quote.Find(c) is null).Distinct().ToList();

    /// <summary>
    /// <see cref="Uncovered(string)"/> of the parts joined by spaces, without joining and cleaning them when every
    /// character is one a card drops or the fonts cover, as on nearly every card: a rebuild checks every card of the site.
    /// </summary>
    public IReadOnlyList<int> Uncovered(params string?[] parts)
    {
        foreach (var part in parts)
            if (part is not null && !AllDroppedOrCovered(part))
                return Uncovered(string.Join(" ", parts));
        return [];
    }

    /// <summary>
    /// Whether each character is dropped from a card (white space, control and format characters: see
    /// <see cref="CardText.Clean"/>) or covered, as is the typographic apostrophe an apostrophe may become. False for
    /// anything else, surrogates included, which <see cref="Uncovered(string)"/> then checks exactly.
    /// </summary>
    bool AllDroppedOrCovered(string text)
    {
        foreach (var c in text)
        {
            if (char.IsSurrogate(c))
                return false;
            if (c < 128 ? coveredAscii.Value[c] : Quote.Find(c) is not null)
            {
                if (c == '\'' && !typographicApostropheCovered.Value)
                    return false;
                continue;
            }
            if (char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Control
                    or System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.OtherNotAssigned
                    or System.Globalization.UnicodeCategory.PrivateUse)
                continue;
            return false;
        }
        return true;
    }

    FontChain Chain(params (string Package, int Weight, bool Italic)[] members) =>
        new([.. members.Select(m => Face(m.Package, m.Weight, m.Italic))]);

    FontsourceFace Face(string package, int weight, bool italic)
    {
        if (!faces.TryGetValue((package, weight, italic), out var face))
            faces[(package, weight, italic)] = face = FontsourceFace.Open(Path.Combine(fontsourceDir, package), weight, italic);
        return face;
    }

    string PackageVersion(string package)
    {
        var path = Path.Combine(fontsourceDir, package, "package.json");
        if (!File.Exists(path))
            throw CardFontsMissingException.For(path);
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.TryGetProperty("version", out var version) ? version.ToString() : "unknown";
    }

    public void Dispose()
    {
        foreach (var face in faces.Values)
            face.Dispose();
    }
}
