using ArchiveSite.Text;

namespace ArchiveSite.Ingest;

/// <summary>How a label relates to a person's name: honorifics are not part of who someone is.</summary>
public static class SpeakerNames
{
    static readonly string[] Honorifics =
        ["Dr.", "Dr", "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Miss", "Mx.", "Prof.", "Prof", "Professor", "Sir", "Dame",
         "Rev.", "Hon.", "Judge", "Justice", "Senator", "Sen.", "Rep.", "Representative", "Chairman", "Chairwoman", "Chair"];

    /// <summary>"Dr. Dawn Foster" -> "Dawn Foster"; a bare honorific is kept ("Chairman" stays "Chairman").</summary>
    public static string WithoutHonorific(string name)
    {
        var trimmed = name.Trim();
        foreach (var honorific in Honorifics)
            if (trimmed.Length > honorific.Length + 1 &&
                trimmed.StartsWith(honorific + " ", StringComparison.OrdinalIgnoreCase))
                return WithoutHonorific(trimmed[(honorific.Length + 1)..]);
        return trimmed;
    }

    /// <summary>Speaker id: the slug of the name without its honorific ("Dr. Smith" -> "smith").</summary>
    public static string IdFor(string name) => Slug.From(WithoutHonorific(name));
}
