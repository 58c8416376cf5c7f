using System.Security.Cryptography;
using System.Text;

namespace ArchiveSite.Cards;

/// <summary>
/// Card PNGs kept across builds in a folder (e.g. <c>.archivesite-cache/cards</c>), named by a hash of
/// everything that affects the picture, so a rebuild draws only cards whose content changed.
/// Thread-safe.
/// </summary>
public sealed class CardCache(string folder, CardRenderer renderer)
{
    public string Folder => folder;

    /// <summary>The card's PNG in the cache, drawn first when it is not there yet.</summary>
    public CachedCard GetOrDraw(QuoteCard card)
    {
        var path = Path.Combine(folder, Key(card) + ".png");
        if (File.Exists(path))
            return new CachedCard(path, DrawnPng: null);

        var png = renderer.RenderPng(card);
        Directory.CreateDirectory(folder);
        // Write aside then rename, so an interrupted build never leaves a half-written card under its key.
        var partial = $"{path}.{Guid.NewGuid():N}.partial";
        File.WriteAllBytes(partial, png);
        File.Move(partial, path, overwrite: true);
        return new CachedCard(path, png);
    }

    public string Key(QuoteCard card)
    {
        var parts = new[]
        {
            "archivesite-quote-card", CardRenderer.Version, renderer.Fonts.Versions, CardRenderer.Palette.ToString(),
            card.Quote, card.SpeakerName, card.Credentials ?? "\0", card.TranscriptTitle ?? "\0", card.SiteName,
        };
        // Length-prefixed so that moving text from one field to the next changes the key.
        var text = string.Concat(parts.Select(p => $"{p.Length}:{p}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}

/// <param name="DrawnPng">The picture when this build drew it, so that it need not be read back from the cache;
/// null when it came from the cache unchanged.</param>
public sealed record CachedCard(string Path, byte[]? DrawnPng)
{
    public bool Drawn => DrawnPng is not null;

    public byte[] ReadPng() => DrawnPng ?? File.ReadAllBytes(Path);
}
