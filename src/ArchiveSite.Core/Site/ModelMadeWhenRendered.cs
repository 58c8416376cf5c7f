using ArchiveSite.Output;

namespace ArchiveSite.Site;

/// <summary>
/// A page's whole model made only when the page is rendered (<see cref="PageRenderer"/> renders <see cref="Value"/>),
/// and fingerprinted by <paramref name="fingerprint"/>, a hash of everything <paramref name="make"/> reads: a rebuild
/// fingerprints all 11,000 quote pages of 1,000 transcripts and renders the few that changed.
/// </summary>
public sealed class ModelMadeWhenRendered(string fingerprint, Func<object> make) : IFingerprinted
{
    readonly Lazy<object> _model = new(make);

    public string Fingerprint => fingerprint;

    public object Value => _model.Value;
}
