using ArchiveSite.Output;
using ArchiveSite.Search;

namespace ArchiveSite.Build;

/// <summary>What a build's summary says of the search index: its shards (<c>search/sN.js</c>) and the bytes of every file under <c>search/</c>.</summary>
public sealed record SearchIndexSize(int Shards, long Bytes)
{
    /// <summary>From the manifest the build committed, which knows every file's size: asking the file system costs 20,000 calls.</summary>
    public static SearchIndexSize Of(OutputManifest manifest)
    {
        var shards = 0;
        while (manifest.Files.ContainsKey(ShardWriter.ShardPath(shards)))
            shards++;
        var bytes = 0L;
        foreach (var (path, entry) in manifest.Files)
            if (path.StartsWith(ShardWriter.Folder + "/", StringComparison.Ordinal))
                bytes += entry.Length;
        return new SearchIndexSize(shards, bytes);
    }
}
