using System.Text;
using ArchiveSite.Model;

namespace ArchiveSite.Archive;

/// <summary>
/// Matches a transcript's speakers to <c>speakers.yml</c> by id, name, label or alias, ignoring case,
/// punctuation and honorifics, so "Dr. Siegel", "RON SIEGEL" and "Ron Siegel, PsyD" can all be one person.
/// </summary>
public sealed class SpeakerResolver
{
    static readonly HashSet<string> Honorifics = ["dr", "mr", "mrs", "ms", "miss", "prof", "professor", "sir", "dame", "rev", "hon"];

    readonly Dictionary<string, PersonEntry> _byKey = new(StringComparer.Ordinal);

    public SpeakerResolver(IEnumerable<PersonEntry> registry)
    {
        foreach (var entry in registry)
            foreach (var name in new[] { entry.Id, entry.Name }.Concat(entry.Aliases))
                _byKey.TryAdd(Key(name), entry);
    }

    /// <summary>The registry entry for a transcript speaker, or null when none matches.</summary>
    public PersonEntry? Resolve(Speaker speaker)
    {
        foreach (var name in new[] { speaker.Id, speaker.Name }.Concat(speaker.Labels))
            if (_byKey.TryGetValue(Key(name), out var entry))
                return entry;
        return null;
    }

    /// <summary>Lowercase letters and digits of the words, honorifics and a trailing ", credentials" left out.</summary>
    public static string Key(string name)
    {
        var comma = name.IndexOf(',');
        if (comma > 0)
            name = name[..comma];
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormKC) + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }
            if (c is '\'' or '\u2019')
                continue;
            if (word.Length > 0 && !Honorifics.Contains(word.ToString()))
                words.Add(word.ToString());
            word.Clear();
        }
        return string.Join(' ', words);
    }
}
