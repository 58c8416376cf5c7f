using System.Globalization;
using ArchiveSite.Model;
using ArchiveSite.Text;

namespace ArchiveSite.Ingest.RawText;

/// <summary>
/// Turns labels into speakers. A label whose surname matches a person named in the header line becomes that
/// person ("Dr. Siegel" -> Ron Siegel, PsyD); any other label is a speaker named as printed ("Dr. Buczynski",
/// "CHIEF JUSTICE ROBERTS" -> "Chief Justice Roberts"). Ids drop honorifics and titles ("roberts"), so the
/// same person under two titles ("MR. GREENSPAN", "CHAIRMAN GREENSPAN") is one speaker with two labels.
/// </summary>
internal static class LabelSpeakers
{
    static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "dr", "mr", "mrs", "ms", "mx", "miss", "prof", "professor", "rev", "reverend", "hon", "sen", "senator", "rep",
        "representative", "gov", "governor", "judge", "justice", "chief", "chairman", "chairwoman", "chair", "vice",
        "secretary", "ambassador", "general", "admiral", "president", "speaker", "commissioner", "director", "the",
        "sir", "dame", "fr", "sr", "madam", "mister",
    };

    public static (List<Speaker> Speakers, Dictionary<string, string> IdByLabel) Build(
        IReadOnlyList<NamedPerson> people, IEnumerable<string> labelsInOrder, bool hasUnlabelledTurns)
    {
        var speakers = new List<(string Id, string Name, string? Credentials, List<string> Labels)>();
        var idByLabel = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in labelsInOrder)
        {
            if (idByLabel.ContainsKey(label))
                continue;
            var core = CoreName(label);
            var person = people.FirstOrDefault(p => SameSurname(p.Name, core));
            var id = person is not null ? Slug.From(person.Name) : Slug.From(core.Length > 0 ? core : label);
            var existing = speakers.FindIndex(s => s.Id == id);
            if (existing < 0)
                speakers.Add((id, person?.Name ?? DisplayName(label), person?.Credentials, [label]));
            else
                speakers[existing].Labels.Add(label);
            idByLabel[label] = id;
        }
        foreach (var person in people)
            if (speakers.All(s => s.Id != Slug.From(person.Name)))
                speakers.Add((Slug.From(person.Name), person.Name, person.Credentials, []));
        if (hasUnlabelledTurns)
            speakers.Add((TranscriptBuilder.UnknownSpeakerId, "Unknown speaker", null, []));
        return (speakers.Select(s => new Speaker(s.Id, s.Name, s.Credentials, s.Labels)).ToList(), idByLabel);
    }

    /// <summary>The label without honorifics and titles: "CHIEF JUSTICE ROBERTS" -> "ROBERTS".</summary>
    static string CoreName(string label)
    {
        var words = label.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = 0;
        while (start < words.Length - 1 && Titles.Contains(words[start].TrimEnd('.')))
            start++;
        if (start == words.Length - 1 && Titles.Contains(words[start].TrimEnd('.')) && words.Length > 1)
            return string.Join(' ', words.Skip(1));
        return string.Join(' ', words.Skip(start));
    }

    static bool SameSurname(string personName, string core)
    {
        if (core.Length == 0)
            return false;
        if (string.Equals(personName, core, StringComparison.OrdinalIgnoreCase))
            return true;
        var surname = personName.Split(' ')[^1];
        return core.Split(' ').Length == 1 && string.Equals(surname, core, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Labels in capitals read better in title case: "MR. LONG" -> "Mr. Long".</summary>
    static string DisplayName(string label) =>
        label.Any(char.IsLower) ? label : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(label.ToLowerInvariant());
}
