using ArchiveSite.Ingest.Metadata;
using ArchiveSite.Model;

namespace ArchiveSite.Ingest;

/// <summary>
/// The people of one transcript: those its metadata declares, plus those its labels introduce. A label
/// finds its person by name, declared label or id; failing that by the name without honorific, then by a
/// lone first or last name shared by exactly one declared person ("Sjors" -> "Sjors Provoost").
/// </summary>
internal sealed class SpeakerDirectory
{
    readonly List<Entry> _entries = [];

    public void Declare(DeclaredSpeaker declared)
    {
        var id = string.IsNullOrWhiteSpace(declared.Id) ? SpeakerNames.IdFor(declared.Name) : declared.Id.Trim();
        var existing = _entries.FirstOrDefault(e => e.Id == id);
        var entry = existing ?? new Entry(id, declared.Name.Trim(), declared: true);
        entry.Credentials ??= string.IsNullOrWhiteSpace(declared.Credentials) ? null : declared.Credentials.Trim();
        foreach (var label in declared.Labels)
            entry.AddLabel(label);
        if (existing is null)
            _entries.Add(entry);
    }

    public string Unknown()
    {
        if (_entries.All(e => e.Id != TranscriptBuilder.UnknownSpeakerId))
            _entries.Add(new Entry(TranscriptBuilder.UnknownSpeakerId, "Unknown speaker", declared: false));
        return TranscriptBuilder.UnknownSpeakerId;
    }

    public string Resolve(string label)
    {
        label = Whitespace.Collapse(label);
        var entry = FindDeclared(label) ?? FindById(SpeakerNames.IdFor(label));
        if (entry is null)
        {
            entry = new Entry(SpeakerNames.IdFor(label), label, declared: false);
            _entries.Add(entry);
        }
        entry.AddLabel(label);
        return entry.Id;
    }

    public Entry? FindDeclared(string label)
    {
        label = Whitespace.Collapse(label);
        var declared = _entries.Where(e => e.Declared).ToList();
        var bare = SpeakerNames.WithoutHonorific(label);
        return declared.FirstOrDefault(e => e.Answers(label))
            ?? declared.FirstOrDefault(e => e.Answers(bare))
            ?? Single(declared.Where(e => !bare.Contains(' ') && e.HasNamePart(bare)));
    }

    Entry? FindById(string id) => _entries.FirstOrDefault(e => e.Id == id);

    static Entry? Single(IEnumerable<Entry> candidates)
    {
        var list = candidates.Take(2).ToList();
        return list.Count == 1 ? list[0] : null;
    }

    /// <summary>Declared people always; people met only through labels when something is attributed to them.</summary>
    public IReadOnlyList<Speaker> Build(IReadOnlySet<string> usedIds) =>
        [.. _entries.Where(e => e.Declared || usedIds.Contains(e.Id))
            .Select(e => new Speaker(e.Id, e.Name, e.Credentials, [.. e.Labels]))];

    internal sealed class Entry(string id, string name, bool declared)
    {
        public string Id { get; } = id;
        public string Name { get; } = name;
        public bool Declared { get; } = declared;
        public string? Credentials { get; set; }
        public List<string> Labels { get; } = [];

        public void AddLabel(string label)
        {
            label = Whitespace.Collapse(label);
            if (label.Length > 0 && !Labels.Contains(label, StringComparer.Ordinal))
                Labels.Add(label);
        }

        public bool Answers(string label) =>
            string.Equals(label, Name, StringComparison.OrdinalIgnoreCase) ||
            string.Equals(label, Id, StringComparison.OrdinalIgnoreCase) ||
            string.Equals(label, SpeakerNames.WithoutHonorific(Name), StringComparison.OrdinalIgnoreCase) ||
            Labels.Any(l => string.Equals(l, label, StringComparison.OrdinalIgnoreCase));

        public bool HasNamePart(string word) =>
            SpeakerNames.WithoutHonorific(Name).Split(' ')
                .Any(part => string.Equals(part, word, StringComparison.OrdinalIgnoreCase));
    }
}
