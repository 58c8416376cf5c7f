using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ArchiveSite.Text;

/// <summary>
/// URL- and file-safe names ("Kelly McGonigal" -> "kelly-mcgonigal"). Slugs become file names and anchors,
/// so they are lowercase ASCII only; a name with no Latin letters gets a short stable hash instead.
/// </summary>
public static class Slug
{
    public static string From(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingDash = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9' || c is >= 'A' and <= 'Z')
            {
                if (pendingDash && builder.Length > 0)
                    builder.Append('-');
                builder.Append(char.ToLowerInvariant(c));
                pendingDash = false;
            }
            else if (c is not '\'' and not '\u2019')
            {
                pendingDash = true;
            }
        }
        return builder.Length > 0 ? builder.ToString() : "u-" + ShortHash(text);
    }

    /// <summary>First 8 hex digits of the SHA-256 of the text: stable across runs and machines.</summary>
    public static string ShortHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];
}
