using ArchiveSite.Model;
using System.Runtime.CompilerServices;

namespace ArchiveSite.Archive;

/// <summary>
/// What one person says in a transcript: their person id, the speaker id of their first turn, and how many turns and
/// words they have. Counted by Process and kept with what it made, so linking the archive (people's appearances)
/// does not read the words of every transcript again.
/// </summary>
public sealed record SpokenTurns(string PersonId, string FirstSpeakerId, int Turns, int Words)
{
    /// <summary>Who speaks in <paramref name="transcript"/>, in the order of their first turns.</summary>
    /// <param name="personIds">Transcript speaker id to person id; a speaker not in it is a person of that id.</param>
    // AggressiveOptimization keeps these hot loops JIT-compiled: crossgen2 skips them (ReadyToRunPackages.targets).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<SpokenTurns> Of(Transcript transcript, IReadOnlyDictionary<string, string> personIds)
    {
        var spoken = new List<SpokenTurns>();
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var section in transcript.Sections)
            foreach (var turn in section.Turns)
            {
                var personId = personIds.GetValueOrDefault(turn.SpeakerId, turn.SpeakerId);
                if (!at.TryGetValue(personId, out var i))
                {
                    at[personId] = i = spoken.Count;
                    spoken.Add(new SpokenTurns(personId, turn.SpeakerId, 0, 0));
                }
                spoken[i] = spoken[i] with { Turns = spoken[i].Turns + 1, Words = spoken[i].Words + WordCount(turn) };
            }
        return spoken;
    }

    /// <summary>Runs of characters between spaces, newlines and tabs; counted in place, since every turn of the archive is counted.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int WordCount(Turn turn)
    {
        var count = 0;
        foreach (var paragraph in turn.Paragraphs)
        {
            var inWord = false;
            foreach (var c in paragraph)
            {
                var separator = c is ' ' or '\n' or '\t';
                if (!separator && !inWord)
                    count++;
                inWord = !separator;
            }
        }
        return count;
    }
}
