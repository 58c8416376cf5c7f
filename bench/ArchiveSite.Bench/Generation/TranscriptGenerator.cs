using System.Text;

namespace ArchiveSite.Bench.Generation;

/// <summary>One generated transcript: its file name, raw text and how many words are spoken in it.</summary>
sealed record GeneratedTranscript(string FileName, string Text, int SpokenWords);

/// <summary>
/// Writes raw transcripts that look like the PDF-extracted seed: a "Week N, Day M: Name, PhD and Name, PsyD"
/// header, a title, "Dr. Surname:" turns under section headings, hard-wrapped lines with a blank line
/// between each, editor pull quotes in curly quotes broken into short lines in the middle of a sentence,
/// page footers, and a space at the start of each page's first line. Transcript i of seed s is always the
/// same text, whatever else is generated, so archives of different sizes share their first transcripts.
/// </summary>
sealed class TranscriptGenerator(int seed)
{
    const int TurnsPerTranscript = 37;
    const int PullQuotes = 13;

    public GeneratedTranscript Generate(int index)
    {
        var random = new Random(unchecked(seed * 1_000_003 + index));
        var cast = Cast.Pick(random);
        var week = 1 + index / 5;
        var day = 1 + index % 5;
        var series = Vocabulary.SeriesNames[random.Next(Vocabulary.SeriesNames.Length)];
        var title = TitleCase(Phrase(random, random.Next(2, 5)));
        var sections = Outline(random, cast);
        var quotes = PickQuotes(random, sections);

        var page = new PageWriter(random, $"{series}  Week {week}, Day {day} - {title} - Transcript");
        page.Line($" Week {week}, Day {day}: {cast.Guests[0].Full}, {cast.Guests[0].Credentials} and " +
                  $"{cast.Guests[1].Full}, {cast.Guests[1].Credentials}  ");
        page.Line($"{title} ");
        var words = 0;
        var quoteQueue = new Queue<string>(quotes.Select(q => q.Text));
        var quoteTurns = quotes.Select(q => q.TurnIndex).ToHashSet();
        var turnIndex = 0;
        foreach (var section in sections)
        {
            if (section.Heading is not null)
            {
                page.Line(" ");
                page.Line(section.Heading + "  ");
            }
            foreach (var turn in section.Turns)
            {
                var withQuote = quoteTurns.Contains(turnIndex++) && quoteQueue.Count > 0;
                words += page.Turn($"{turn.Speaker.Label}:  ", turn.Paragraphs, withQuote ? quoteQueue : null);
            }
        }
        page.Footer();

        var slug = Slugify($"week-{week}-day-{day}-{title}");
        return new GeneratedTranscript($"{index:D5}_{slug}.txt", page.ToString(), words);
    }

    sealed record Person(string First, string Surname, string Credentials)
    {
        public string Full => $"{First} {Surname}";
        public string Label => $"Dr. {Surname}";
    }

    sealed record Cast(Person Host, Person[] Guests)
    {
        public static Cast Pick(Random random)
        {
            var surnames = random.GetItems(Vocabulary.Surnames, 6).Distinct().Take(3).ToArray();
            if (surnames.Length < 3)
                surnames = ["Buczynski", "Siegel", "McGonigal"];
            Person Make(string surname) => new(
                Vocabulary.FirstNames[random.Next(Vocabulary.FirstNames.Length)], surname,
                Vocabulary.Credentials[random.Next(Vocabulary.Credentials.Length)]);
            return new Cast(Make(surnames[0]), [Make(surnames[1]), Make(surnames[2])]);
        }
    }

    sealed record TurnPlan(Person Speaker, List<List<string>> Paragraphs);
    sealed record SectionPlan(string? Heading, List<TurnPlan> Turns);
    sealed record QuotePlan(int TurnIndex, string Text);

    /// <summary>A first section without a heading, then five or six headed ones; the host asks, guests answer.</summary>
    static List<SectionPlan> Outline(Random random, Cast cast)
    {
        var headed = random.Next(5, 7);
        var sections = new List<SectionPlan> { new(null, []) };
        for (var i = 0; i < headed; i++)
            sections.Add(new SectionPlan(TitleCase(Phrase(random, random.Next(4, 10))), []));

        var guest = random.Next(2);
        for (var t = 0; t < TurnsPerTranscript; t++)
        {
            var section = sections[Math.Min(sections.Count - 1, t == 0 ? 0 : 1 + (t - 1) * headed / (TurnsPerTranscript - 1))];
            Person speaker;
            if (t % 2 == 0 && random.Next(6) > 0)
                speaker = cast.Host;
            else
            {
                guest = random.Next(3) == 0 ? guest : 1 - guest;
                speaker = cast.Guests[guest];
            }
            var isHost = speaker == cast.Host;
            var budget = isHost ? random.Next(15, 70) : random.Next(130, 290);
            section.Turns.Add(new TurnPlan(speaker, Paragraphs(random, budget, cast)));
        }
        return sections;
    }

    static List<List<string>> Paragraphs(Random random, int wordBudget, Cast cast)
    {
        var paragraphs = new List<List<string>>();
        var words = 0;
        while (words < wordBudget)
        {
            var paragraph = new List<string>();
            var sentences = random.Next(1, 6);
            for (var s = 0; s < sentences && words < wordBudget; s++)
            {
                var sentence = Sentence(random, cast);
                paragraph.Add(sentence);
                words += CountWords(sentence);
            }
            paragraphs.Add(paragraph);
        }
        return paragraphs;
    }

    static string Sentence(Random random, Cast cast)
    {
        var length = random.Next(6, 25);
        var words = new List<string>(length + 4);
        for (var i = 0; i < length; i++)
        {
            var roll = random.Next(100);
            var word = roll switch
            {
                < 6 => Vocabulary.Contractions[random.Next(Vocabulary.Contractions.Length)],
                < 8 => cast.Guests[random.Next(2)].First,
                < 10 => $"{Word(random)}-{Word(random)}",
                _ => Word(random),
            };
            if (i > 2 && i < length - 2 && random.Next(12) == 0)
                word += ",";
            if (i > 3 && i < length - 3 && random.Next(40) == 0)
                words.Add("–");
            words.Add(word);
        }
        words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        var text = string.Join(' ', words).TrimEnd(',') + (random.Next(10) == 0 ? "?" : ".");
        // Speakers quote other people in passing; these inline quotes are speech, not pull quotes.
        return random.Next(15) == 0 ? $"{Capitalise(Word(random))} said, “{text}”" : text;
    }

    /// <summary>Pull quotes repeat (trimmed) sentences of the transcript, often printed inside another turn.</summary>
    static List<QuotePlan> PickQuotes(Random random, List<SectionPlan> sections)
    {
        var turns = sections.SelectMany(s => s.Turns).ToList();
        var longTurns = Enumerable.Range(0, turns.Count).Where(i => CountWords(turns[i]) > 120).ToList();
        var quotes = new List<QuotePlan>();
        for (var q = 0; q < PullQuotes && longTurns.Count > 0; q++)
        {
            var printedIn = longTurns[random.Next(longTurns.Count)];
            var source = turns[Math.Clamp(printedIn + random.Next(-2, 3), 0, turns.Count - 1)];
            var candidates = source.Paragraphs.SelectMany(p => p).Where(s => !s.Contains('“')).ToList();
            if (candidates.Count > 0)
                quotes.Add(new QuotePlan(printedIn, Trim(random, candidates[random.Next(candidates.Count)])));
        }
        return quotes.OrderBy(q => q.TurnIndex).ToList();
    }

    static string Trim(Random random, string sentence)
    {
        var words = sentence.Split(' ');
        if (words.Length > 14 && random.Next(2) == 0)
            return string.Join(' ', words[..10]) + "…";
        return sentence;
    }

    static int CountWords(TurnPlan turn) => turn.Paragraphs.Sum(p => p.Sum(CountWords));

    static int CountWords(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w != "–");

    static string Word(Random random) => Vocabulary.Words[random.Next(Vocabulary.Words.Length)];

    static string Phrase(Random random, int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Word(random)));

    static string Capitalise(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    static string TitleCase(string phrase) => string.Join(' ', phrase.Split(' ').Select(Capitalise));

    static string Slugify(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        return builder.ToString();
    }
}
