namespace ArchiveSite.Output;

/// <summary>
/// A part of a page model that names what it is made from: <see cref="ModelFingerprint"/> hashes
/// <see cref="Fingerprint"/> instead of walking what it holds, so the part need not even be made for a page
/// that is kept. Two parts with the same fingerprint must hold the same.
/// </summary>
public interface IFingerprinted
{
    string Fingerprint { get; }
}
