using ArchiveSite.Build;
using ArchiveSite.Ingest;
using ArchiveSite.Model;

namespace ArchiveSite.Tests.Build;

public sealed class TranscriptCacheTests : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("transcript-cache-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    static Transcript Made(string slug) => TestTranscripts.Make(slug, "Title " + slug, [new Speaker("ana", "Ana", null, ["Ana"])],
        [new Section(null, 1, [TestTranscripts.Turn("ana", "Words of " + slug + ".")])]);

    TranscriptCache SavedWith(params string[] slugs)
    {
        var cache = new TranscriptCache(_root);
        foreach (var slug in slugs)
            cache.Put(slug, Made(slug));
        cache.Save();
        return cache;
    }

    [Fact]
    public void A_saved_transcript_is_got_back_by_a_later_build()
    {
        SavedWith("a", "b");

        var got = new TranscriptCache(_root).Get("b");

        Assert.NotNull(got);
        Assert.Equal(TranscriptJson.ToJson(Made("b")), TranscriptJson.ToJson(got));
        Assert.Null(new TranscriptCache(_root).Get("c"));
    }

    [Fact]
    public void A_build_that_only_got_every_kept_transcript_leaves_the_pack_alone_and_one_that_used_fewer_drops_the_rest()
    {
        var pack = SavedWith("a", "b").PackPath;
        var written = File.GetLastWriteTimeUtc(pack);
        File.SetLastWriteTimeUtc(pack, written.AddHours(-1));

        var all = new TranscriptCache(_root);
        Assert.NotNull(all.Get("a"));
        Assert.NotNull(all.Get("b"));
        all.Save();
        Assert.Equal(written.AddHours(-1), File.GetLastWriteTimeUtc(pack));

        var fewer = new TranscriptCache(_root);
        Assert.NotNull(fewer.Get("a"));
        fewer.Save();
        Assert.NotNull(new TranscriptCache(_root).Get("a"));
        Assert.Null(new TranscriptCache(_root).Get("b"));
    }

    [Fact]
    public void A_damaged_or_missing_pack_is_an_empty_cache()
    {
        Assert.Null(new TranscriptCache(_root).Get("a"));
        var pack = SavedWith("a").PackPath;
        var bytes = File.ReadAllBytes(pack);

        File.WriteAllBytes(pack, bytes[..^1]);
        Assert.Null(new TranscriptCache(_root).Get("a"));
        File.WriteAllBytes(pack, [.. bytes, 0]);
        Assert.Null(new TranscriptCache(_root).Get("a"));
        File.WriteAllBytes(pack, [1, 0, 0, 0, 255, 255, 255, 127]);
        Assert.Null(new TranscriptCache(_root).Get("a"));
    }
}
