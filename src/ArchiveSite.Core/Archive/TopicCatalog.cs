using ArchiveSite.Text;

namespace ArchiveSite.Archive;

/// <summary>
/// The topics an archive knows: those in <c>topics.yml</c>, and those a transcript declares that the registry
/// lacks (named as the transcript names them). One place turns a declared name into a topic id.
/// </summary>
public sealed class TopicCatalog
{
    readonly Dictionary<string, TopicEntry> _byKey = new(StringComparer.Ordinal);

    public TopicCatalog(IReadOnlyList<TopicEntry> registry)
    {
        Registry = registry;
        foreach (var entry in registry)
        {
            _byKey.TryAdd(SpeakerResolver.Key(entry.Id), entry);
            _byKey.TryAdd(SpeakerResolver.Key(entry.Name), entry);
        }
    }

    public IReadOnlyList<TopicEntry> Registry { get; }

    /// <summary>The registry entry a declared topic name or id means, or a new entry named as declared.</summary>
    public TopicEntry Resolve(string declared) =>
        _byKey.TryGetValue(SpeakerResolver.Key(declared), out var entry)
            ? entry
            : new TopicEntry(Slug.From(declared), declared.Trim(), null, []);
}
