using ArchiveSite.Model;
using ArchiveSite.Output;
using ArchiveSite.Site;

namespace ArchiveSite.Search;

/// <summary>
/// One speaker turn as search sees it. <see cref="Id"/> is its lunr ref; the browser maps it back to
/// <see cref="Page"/>#<see cref="Anchor"/> through the display files.
/// </summary>
public sealed record SearchDocument(int Id, string Page, string Anchor, string TranscriptTitle, string Speaker, string Section, IReadOnlyList<string> Paragraphs,
    IReadOnlyList<string> Topics)
{
    /// <summary>A document whose words are one paragraph.</summary>
    public SearchDocument(int id, string page, string anchor, string transcriptTitle, string speaker, string section, string text, IReadOnlyList<string> topics)
        : this(id, page, anchor, transcriptTitle, speaker, section, [text], topics)
    {
    }

    /// <summary>
    /// The turn's words, paragraphs a blank line apart. Joined when read, not kept: a rebuild reads the text of
    /// few transcripts (what it makes again), and 37,000 turns' text is 62 MB.
    /// </summary>
    public string Text
    {
        get => string.Join("\n\n", Paragraphs);
        init => Paragraphs = [value];
    }

    public string Url => $"{Page}#{Anchor}";

    /// <summary>
    /// A hash of everything its transcript's documents are made from (see <see cref="SearchSource.Key"/>), the same
    /// for each of them; null when that is not known. What is made of one transcript's documents alone can be
    /// fingerprinted by it without reading their text.
    /// </summary>
    public string? SourceKey { get; init; }

    /// <summary>The lunr fields with their boosts: a match in the speaker or the title ranks above one in the words alone.</summary>
    public static IReadOnlyList<(string Name, double Boost)> Fields { get; } =
        [("text", 1), ("speaker", 4), ("title", 3), ("section", 2), ("topics", 2)];

    /// <summary>The value of each of <see cref="Fields"/>, in that order.</summary>
    public string[] FieldTexts() => [Text, Speaker, TranscriptTitle, Section, string.Join(", ", Topics)];

    /// <summary>The document as lunr gets it: its ref under "id" and each field's value under its name.</summary>
    public IReadOnlyDictionary<string, string> FieldValues()
    {
        var values = new Dictionary<string, string> { ["id"] = Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var texts = FieldTexts();
        for (var f = 0; f < texts.Length; f++)
            values[Fields[f].Name] = texts[f];
        return values;
    }

    /// <summary>Every turn of every transcript, transcripts in slug order, turns in reading order (anchor t-N).</summary>
    public static IReadOnlyList<SearchDocument> FromTranscripts(IEnumerable<Transcript> transcripts) =>
        From(transcripts.Select(t => new SearchSource(t, t.Title ?? t.Slug,
            t.Speakers.DistinctBy(s => s.Id).ToDictionary(s => s.Id, s => s.Name), t.Topics)));

    /// <summary>As <see cref="FromTranscripts"/>, with titles, speaker names and topics as the archive resolved them.</summary>
    public static IReadOnlyList<SearchDocument> From(IEnumerable<SearchSource> sources)
    {
        var documents = new List<SearchDocument>();
        foreach (var source in sources.OrderBy(s => s.Transcript.Slug, StringComparer.Ordinal))
        {
            var page = Urls.Transcript(source.Transcript.Slug);
            var sourceKey = source.Key is null ? null : KeyOf(source, page);
            var number = 0;
            foreach (var section in source.Transcript.Sections)
            foreach (var turn in section.Turns)
            {
                number++;
                documents.Add(new SearchDocument(documents.Count, page, Urls.TurnAnchor(number), source.Title,
                    source.SpeakerNames.GetValueOrDefault(turn.SpeakerId, turn.SpeakerId), section.Heading ?? "",
                    turn.Paragraphs, source.Topics) { SourceKey = sourceKey });
            }
        }
        return documents;
    }

    /// <summary>
    /// The source's key with everything <see cref="From"/> reads besides the transcript: its page, title, speaker
    /// names (a name can come from another file: the people registry, or the transcript that named that person
    /// first) and topic names.
    /// </summary>
    static string KeyOf(SearchSource source, string page)
    {
        List<string> parts = ["search source", source.Key!, page, source.Title];
        // Sorted as an array rather than with LINQ, which a fresh process would compile for these key-value pairs.
        var speakers = source.SpeakerNames.Keys.ToArray();
        Array.Sort(speakers, StringComparer.Ordinal);
        foreach (var speaker in speakers)
        {
            parts.Add(speaker);
            parts.Add(source.SpeakerNames[speaker]);
        }
        parts.AddRange(source.Topics);
        return ContentHash.OfParts(parts);
    }

    /// <summary>Each transcript's first document and document count, in document order (<see cref="From"/> keeps a transcript's documents together).</summary>
    public static (int Start, int Count)[] ByTranscript(IReadOnlyList<SearchDocument> documents)
    {
        // An array filled in two passes rather than a list of tuples, whose generic methods a fresh process would compile.
        var count = 0;
        for (var d = 0; d < documents.Count; d++)
            if (d == 0 || documents[d].Page != documents[d - 1].Page) count++;
        var transcripts = new (int Start, int Count)[count];
        var t = -1;
        for (var d = 0; d < documents.Count; d++)
        {
            if (d == 0 || documents[d].Page != documents[d - 1].Page) transcripts[++t] = (d, 0);
            transcripts[t].Count++;
        }
        return transcripts;
    }

    /// <summary>The page of each transcript of <see cref="ByTranscript"/>.</summary>
    public static string[] Pages(IReadOnlyList<SearchDocument> documents, (int Start, int Count)[] transcripts)
    {
        var pages = new string[transcripts.Length];
        for (var t = 0; t < pages.Length; t++)
            pages[t] = documents[transcripts[t].Start].Page;
        return pages;
    }
}

/// <summary>A transcript with the names search shows for it: its title, its speakers' names by speaker id, its topic names.</summary>
/// <param name="Key">
/// A hash of everything the transcript is (as <see cref="Archive.ArchivedTranscript.Key"/>: its file and the program
/// version); null when that is not known.
/// </param>
public sealed record SearchSource(Transcript Transcript, string Title, IReadOnlyDictionary<string, string> SpeakerNames, IReadOnlyList<string> Topics,
    string? Key = null);
