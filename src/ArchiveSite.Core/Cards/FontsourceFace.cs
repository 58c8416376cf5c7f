using System.Collections.Concurrent;
using System.Text.Json;
using SkiaSharp;

namespace ArchiveSite.Cards;

/// <summary>
/// One weight and style of a @fontsource package. The package splits the font into subsets by script (and
/// Noto Sans SC into about a hundred numbered CJK subsets); a subset's <c>.woff</c> is loaded the first time a
/// character needs it, then kept.
/// </summary>
internal sealed class FontsourceFace : IDisposable
{
    readonly string filesDir;
    readonly string filePrefix;
    readonly string weightAndStyle;
    readonly (string Name, UnicodeRanges Ranges)[] subsets;
    readonly ConcurrentDictionary<string, Lazy<SKTypeface>> loaded = new();

    FontsourceFace(string filesDir, string filePrefix, string weightAndStyle, (string, UnicodeRanges)[] subsets)
    {
        this.filesDir = filesDir;
        this.filePrefix = filePrefix;
        this.weightAndStyle = weightAndStyle;
        this.subsets = subsets;
    }

    /// <param name="packageDir">e.g. theme/node_modules/@fontsource/noto-sans</param>
    /// <param name="italic">Only for packages that ship italics (Noto Sans SC does not).</param>
    public static FontsourceFace Open(string packageDir, int weight, bool italic)
    {
        var unicodeJson = Path.Combine(packageDir, "unicode.json");
        if (!File.Exists(unicodeJson))
            throw CardFontsMissingException.For(unicodeJson);

        var subsets = new List<(string, UnicodeRanges)>();
        using (var document = JsonDocument.Parse(File.ReadAllBytes(unicodeJson)))
        {
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var ranges = property.Value.ValueKind == JsonValueKind.String
                    ? UnicodeRanges.Parse(property.Value.GetString()!)
                    : null;
                if (ranges is null)
                    throw new CardFontsMissingException($"Quote card fonts: {unicodeJson} has an unreadable range for \"{property.Name}\"; reinstall with `npm ci` in the theme folder.");
                // Numbered CJK subsets are keyed "[12]" in unicode.json and named "...-12-400-normal.woff".
                subsets.Add((property.Name.Trim('[', ']'), ranges));
            }
        }

        var face = new FontsourceFace(Path.Combine(packageDir, "files"), Path.GetFileName(packageDir),
            $"{weight}-{(italic ? "italic" : "normal")}", [.. subsets]);
        face.RequireFile(face.PrimarySubset);
        return face;
    }

    /// <summary>The loaded subset that draws <paramref name="codePoint"/>, or null when no subset has it.</summary>
    public SKTypeface? Find(int codePoint)
    {
        foreach (var (name, ranges) in subsets)
        {
            if (!ranges.Contains(codePoint))
                continue;
            var typeface = Load(name);
            if (HasGlyph(typeface, codePoint))
                return typeface;
        }
        return null;
    }

    /// <summary>The Latin subset (else the first), the face that draws what no subset covers as a visible box.</summary>
    public SKTypeface Primary => Load(PrimarySubset);

    string PrimarySubset => subsets.Any(s => s.Name == "latin") ? "latin" : subsets[0].Name;

    static bool HasGlyph(SKTypeface typeface, int codePoint)
    {
        using var font = new SKFont(typeface);
        return font.ContainsGlyph(codePoint);
    }

    SKTypeface Load(string subset) =>
        loaded.GetOrAdd(subset, name => new Lazy<SKTypeface>(() => LoadFile(name))).Value;

    SKTypeface LoadFile(string subset)
    {
        var path = RequireFile(subset);
        return SKTypeface.FromFile(path)
            ?? throw new CardFontsMissingException($"Quote card fonts: {path} could not be loaded as a font; reinstall with `npm ci` in the theme folder.");
    }

    string RequireFile(string subset)
    {
        var path = Path.Combine(filesDir, $"{filePrefix}-{subset}-{weightAndStyle}.woff");
        return File.Exists(path) ? path : throw CardFontsMissingException.For(path);
    }

    public void Dispose()
    {
        foreach (var typeface in loaded.Values.Where(l => l.IsValueCreated))
            typeface.Value.Dispose();
    }
}
