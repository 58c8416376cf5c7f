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

    [Fact]
    public void A_build_that_puts_few_transcripts_into_a_big_pack_writes_them_beside_it_and_a_later_build_gets_every_one()
    {
        var slugs = Enumerable.Range(0, 16).Select(i => "t" + i).ToArray();
        var pack = SavedWith(slugs).PackPath;
        var written = File.GetLastWriteTimeUtc(pack);
        File.SetLastWriteTimeUtc(pack, written.AddHours(-1));

        var changed = new TranscriptCache(_root);
        foreach (var slug in slugs.Skip(1))
            Assert.NotNull(changed.Get(slug));
        changed.Put("new", Made("new"));
        changed.Save();

        Assert.Equal(written.AddHours(-1), File.GetLastWriteTimeUtc(pack));
        Assert.True(File.Exists(pack + ".delta"));
        var later = new TranscriptCache(_root);
        Assert.Equal(TranscriptJson.ToJson(Made("new")), TranscriptJson.ToJson(later.Get("new")!));
        Assert.All(slugs, slug => Assert.NotNull(later.Get(slug)));
    }

    [Fact]
    public void Once_unused_and_delta_entries_pass_an_eighth_of_the_pack_it_is_written_whole_without_the_unused_ones()
    {
        var slugs = Enumerable.Range(0, 16).Select(i => "t" + i).ToArray();
        var pack = SavedWith(slugs).PackPath;

        var first = new TranscriptCache(_root);
        foreach (var slug in slugs.Skip(1))
            Assert.NotNull(first.Get(slug));
        first.Put("new", Made("new"));
        first.Save();
        var second = new TranscriptCache(_root);
        foreach (var slug in slugs.Skip(2))
            Assert.NotNull(second.Get(slug));
        Assert.NotNull(second.Get("new"));
        second.Put("newer", Made("newer"));
        second.Save();

        Assert.False(File.Exists(pack + ".delta"));
        var later = new TranscriptCache(_root);
        Assert.Null(later.Get("t0"));
        Assert.Null(later.Get("t1"));
        Assert.All(slugs.Skip(2).Append("new").Append("newer"), slug => Assert.NotNull(later.Get(slug)));
    }

    [Fact]
    public void A_damaged_delta_loses_only_its_own_entries()
    {
        var slugs = Enumerable.Range(0, 16).Select(i => "t" + i).ToArray();
        var pack = SavedWith(slugs).PackPath;
        var changed = new TranscriptCache(_root);
        foreach (var slug in slugs)
            Assert.NotNull(changed.Get(slug));
        changed.Put("new", Made("new"));
        changed.Save();
        var delta = File.ReadAllBytes(pack + ".delta");

        File.WriteAllBytes(pack + ".delta", delta[..^1]);

        var later = new TranscriptCache(_root);
        Assert.Null(later.Get("new"));
        Assert.All(slugs, slug => Assert.NotNull(later.Get(slug)));
    }

    [Fact]
    public void A_transcript_got_from_the_pack_reads_its_words_from_the_pack_it_came_from_even_once_that_is_replaced()
    {
        SavedWith("a", "b");
        var got = new TranscriptCache(_root).Get("a")!;

        var later = new TranscriptCache(_root);
        later.Put("c", Made("c"));
        later.Save();
        Assert.Null(new TranscriptCache(_root).Get("a"));

        Assert.Equal(TranscriptJson.ToJson(Made("a")), TranscriptJson.ToJson(got));
    }
}
