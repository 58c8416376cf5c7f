using System.Text;
using ArchiveSite.Output;

namespace ArchiveSite.Search;

/// <summary>Output step: the search manifest, shards, display files and facets under <c>search/</c>.</summary>
public sealed class WriteSearchIndex(SearchOptions? options = null) : IOutputStep
{
    public string Name => "search index";

    public void Run(OutputContext context)
    {
        var archive = context.Archive;
        var sources = archive.Transcripts.Select(t => new SearchSource(t.Source, t.Title,
            t.PersonIdBySpeaker.ToDictionary(p => p.Key, p => archive.HasPerson(p.Value) ? archive.Person(p.Value).Name : p.Key),
            t.TopicIds.Select(id => archive.Topic(id).Name).ToArray()));
        foreach (var file in SearchOutput.Build(SearchDocument.From(sources), options ?? new SearchOptions()))
            context.Writer.Write(file.Path, Encoding.UTF8.GetBytes(file.Content));
    }
}
