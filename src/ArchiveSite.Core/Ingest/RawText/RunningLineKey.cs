using System.Runtime.CompilerServices;

namespace ArchiveSite.Ingest.RawText;

/// <summary>
/// The form in which running headers and footers are compared: page numbers and dates change from page to
/// page, so each run of digits becomes '#', and spacing and case are ignored.
/// </summary>
internal static class RunningLineKey
{
    // AggressiveOptimization keeps these hot loops JIT-compiled: crossgen2 skips them (ReadyToRunPackages.targets).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Of(string trimmed)
    {
        Span<char> buffer = trimmed.Length <= 256 ? stackalloc char[trimmed.Length] : new char[trimmed.Length];
        return buffer[..Write(trimmed, buffer)].ToString();
    }

    /// <summary>Writes the key into <paramref name="destination"/> (at least as long as the text) and returns its length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Write(ReadOnlySpan<char> trimmed, Span<char> destination)
    {
        var length = 0;
        var space = false;
        foreach (var c in trimmed)
        {
            if (c == ' ')
            {
                space = length > 0;
                continue;
            }
            if (space)
                destination[length++] = ' ';
            space = false;
            if (!char.IsAsciiDigit(c))
                destination[length++] = char.ToLowerInvariant(c);
            else if (length == 0 || destination[length - 1] != '#')
                destination[length++] = '#';
        }
        return length;
    }
}
