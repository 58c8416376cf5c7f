using ArchiveSite.Output;

namespace ArchiveSite.Search;

/// <summary>Output step: the search manifest, shards, display files and facets under <c>search/</c>.</summary>
public sealed class WriteSearchIndex(SearchOptions? options = null) : IOutputStep
{
    public string Name => "search index";

    public void Run(OutputContext context)
    {
        var archive = context.Archive;
        var sources = archive.Transcripts.Select(t => new SearchSource(t.Source, t.Title, SpeakerNames(archive, t),
            t.TopicIds.Select(id => archive.Topic(id).Name).ToArray(), t.Key));
        var documents = SearchDocument.From(sources);
        var chosen = options ?? new SearchOptions();
        // Written in two batches, each in parallel, so the display strings are garbage before the index is built.
        // Display and top results files the last build wrote from the same key are kept, unmade.
        var staged = context.Writer as StagedOutput;
        WriteAll(context.Writer, DisplayWriter.Write(documents, chosen.DisplayChunk, staged is null ? null : staged.TryKeep, chosen.TopResultsMinimumOf(documents.Count)));
        using var cache = new SearchAnalysisCache(context.CacheDirectory);
        WriteAll(context.Writer, SearchOutput.Shards(documents, chosen, cache, staged is null ? null : staged.TryKeep));
        cache.Save();
        // No collection is forced here: a full blocking one (a cold build of 1,000 transcripts: 100-115 ms with both
        // cores stopped) lowered the peak by 30-90 MB (of ~600 MB) but made the build slower; the GC collects when the
        // cards step needs the memory.
    }

    /// <summary>Each speaker's name as search shows it: the person's, or the speaker id of one the archive has no person for.</summary>
    static Dictionary<string, string> SpeakerNames(Archive.TranscriptArchive archive, Archive.ArchivedTranscript transcript)
    {
        // A loop rather than LINQ's ToDictionary, which a fresh process would compile for these key-value pairs.
        var names = new Dictionary<string, string>(transcript.PersonIdBySpeaker.Count);
        foreach (var (speaker, person) in transcript.PersonIdBySpeaker)
            names.Add(speaker, archive.HasPerson(person) ? archive.Person(person).Name : speaker);
        return names;
    }

    static void WriteAll(IOutputWriter writer, IReadOnlyList<SearchFile> files) =>
        Parallel.ForEach(files, file =>
        {
            if (writer is StagedOutput staged)
                staged.Write(file.Path, file.Bytes, file.Key);
            else
                writer.Write(file.Path, file.Bytes);
        });
}
