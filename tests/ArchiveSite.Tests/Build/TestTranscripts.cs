using ArchiveSite.Archive;
using ArchiveSite.Build;
using ArchiveSite.Model;

namespace ArchiveSite.Tests.Build;

/// <summary>Small transcripts and registries made in code, so site tests do not depend on the readers.</summary>
public static class TestTranscripts
{
    public static Turn Turn(string speaker, params string[] paragraphs) => new(speaker, null, paragraphs, 1);

    public static Transcript Make(string slug, string title, IReadOnlyList<Speaker> speakers, IReadOnlyList<Section> sections,
        string? series = null, string? episode = null, DateOnly? date = null, IReadOnlyList<string>? topics = null,
        IReadOnlyList<Quote>? quotes = null, IReadOnlyList<Diagnostic>? diagnostics = null) => new()
    {
        SourcePath = $"transcripts/{slug}.md",
        Slug = slug,
        Title = title,
        Series = series,
        Episode = episode,
        Date = date,
        Speakers = speakers,
        Sections = sections,
        Topics = topics ?? [],
        Quotes = quotes ?? [],
        Diagnostics = diagnostics ?? [],
    };

    public static Registries Registries { get; } = RegistryLoader.Parse(
        "title: Test Archive\ndescription: A test.\nlanguage: en\nbase_url: https://example.org/archive\n"u8.ToArray(),
        """
        - id: ron-siegel
          name: Ron Siegel
          credentials: PsyD
          aliases: [Dr. Siegel, RON SIEGEL]
          bio: Psychologist.
        - id: kelly-mcgonigal
          name: Kelly McGonigal
          credentials: PhD
          aliases: [Dr. McGonigal]
        - id: ruth-buczynski
          name: Ruth Buczynski
          aliases: [Dr. Buczynski]
        """u8.ToArray(),
        """
        - id: mindfulness
          name: Mindfulness
          description: Paying attention on purpose.
          terms: [mindfulness, meditation, present moment]
        - id: shame
          name: Shame
          terms: [shame]
        - id: pets
          name: Pets
          terms: [pet, ferret]
        """u8.ToArray());

    static readonly Speaker Siegel = new("siegel", "Dr. Siegel", null, ["Dr. Siegel"]);
    static readonly Speaker McGonigal = new("mcgonigal", "Dr. McGonigal", null, ["Dr. McGonigal"]);
    static readonly Speaker Buczynski = new("buczynski", "Dr. Buczynski", null, ["Dr. Buczynski"]);
    static readonly Speaker Guest = new("sam-guest", "Sam Guest", "MD", ["Sam"]);

    /// <summary><see cref="SampleInput"/> processed and linked, each processed transcript first passed through <paramref name="change"/>.</summary>
    public static TranscriptArchive SampleArchive(Func<ArchivedTranscript, ArchivedTranscript>? change = null, params Transcript[] extra)
    {
        var input = SampleInput(extra);
        return ArchiveLinker.Link(input.Registries, ProcessPhase.Run(input).Select(change ?? (t => t)).ToList());
    }

    /// <summary>Three transcripts: two in a series, one alone; shared speakers and topics; quotes.</summary>
    public static InputData SampleInput(params Transcript[] extra) => new(Registries,
    [
        Make("week-1", "Week 1: Beginnings", [Buczynski, Siegel, McGonigal],
        [
            new Section(null, 1, [Turn("buczynski", "Welcome. Let us start with mindfulness.")]),
            new Section("Practice", 5,
            [
                Turn("siegel", "Mindfulness practice and meditation help with shame.", "Being in the present moment matters."),
                Turn("mcgonigal", "I ask people to show their pets. A pet, even a ferret, is a way in.", "Kelly McGonigal agrees with Dr. Siegel."),
            ]),
        ], series: "Critical Insights", episode: "Week 1", date: new DateOnly(2024, 1, 8),
        quotes: [new Quote("Being in the present moment matters.", "siegel", "Practice", 2, 9)]),
        Make("week-2", "Week 2: Shame", [Buczynski, Siegel],
        [
            new Section("Shame", 1,
            [
                Turn("buczynski", "Shame came up all week."),
                Turn("siegel", "Shame hides. Meditation helps us see shame clearly, and mindfulness too."),
            ]),
        ], series: "Critical Insights", episode: "Week 2", date: new DateOnly(2024, 1, 15)),
        Make("guest-talk", "A Guest Talk", [Guest],
        [
            new Section(null, 1, [Turn("sam-guest", "My pet ferret taught me patience."), Turn("sam-guest", "Every pet does.")]),
        ], date: new DateOnly(2023, 6, 1), topics: ["Animals"]),
        .. extra,
    ], []);
}
