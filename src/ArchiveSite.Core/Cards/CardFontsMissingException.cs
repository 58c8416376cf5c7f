namespace ArchiveSite.Cards;

/// <summary>The theme's font packages are not installed (or incomplete), so no card can be drawn.</summary>
public sealed class CardFontsMissingException(string message) : Exception(message)
{
    public static CardFontsMissingException For(string missingPath) => new(
        $"Quote card fonts are missing: {missingPath} was not found. " +
        "Run `npm ci` in the theme folder to install the @fontsource packages.");
}
