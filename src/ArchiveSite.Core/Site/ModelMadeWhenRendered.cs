using ArchiveSite.Output;

namespace ArchiveSite.Site;

/// <summary>
/// A page's whole model made only when the page is rendered (<see cref="PageRenderer"/> renders <see cref="Value"/>),
/// and fingerprinted by <paramref name="fingerprint"/>, which adds everything <paramref name="make"/> reads to the parts it
/// is given: a rebuild fingerprints all 11,000 quote pages of 1,000 transcripts and renders the few that changed. The
/// page's key hashes those parts with its own (<see cref="AddFingerprintTo"/>, <see cref="Output.RenderPages.KeyOf"/>),
/// one hash a page rather than a hash of the fingerprint's hash: each hash is a call into the crypto library, about a
/// microsecond even for a few bytes.
/// </summary>
public sealed class ModelMadeWhenRendered(Func<HashedParts, HashedParts> fingerprint, Func<object> make) : IFingerprinted
{
    readonly Lazy<object> _model = new(make);
    string? _fingerprint;

    public string Fingerprint => _fingerprint ??= fingerprint(new HashedParts()).Hash();

    /// <summary>Adds what <see cref="Fingerprint"/> is the hash of to <paramref name="parts"/>.</summary>
    public HashedParts AddFingerprintTo(HashedParts parts) => fingerprint(parts);

    public object Value => _model.Value;
}
