using ArchiveSite.Output;

namespace ArchiveSite.Tests.Output;

public sealed class StagedOutputTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "archivesite-staged-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    string Manifest => Path.Combine(_root, "cache", "manifest.json");

    StagedOutput Open(string target) => new(target, Manifest);

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../outside.html")]
    [InlineData("a/../../b.html")]
    [InlineData("a\\b.html")]
    [InlineData("c:/x.html")]
    [InlineData("")]
    public void Paths_that_would_leave_the_site_are_refused(string path)
    {
        using var output = Open(Path.Combine(_root, "output"));

        Assert.Throws<ArgumentException>(() => output.Write(path, "x"u8));
    }

    [Fact]
    public void Nothing_reaches_the_output_folder_until_commit_and_a_second_writer_of_a_path_is_an_error()
    {
        var target = Path.Combine(_root, "output");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "old.html"), "old");
        using (var output = Open(target))
        {
            output.Write("a/new.html", "new"u8);
            Assert.Throws<InvalidOperationException>(() => output.Write("a/new.html", "again"u8));
            Assert.False(File.Exists(Path.Combine(target, "a", "new.html")));
            output.Commit();
        }

        Assert.Equal("new", File.ReadAllText(Path.Combine(target, "a", "new.html")));
        Assert.False(File.Exists(Path.Combine(target, "old.html")));
        Assert.False(Directory.Exists(target + ".staging"));
    }

    [Fact]
    public void The_files_gone_are_the_last_builds_files_not_written_yet_however_often_asked_and_the_commit_deletes_them()
    {
        var target = Path.Combine(_root, "output");
        Directory.CreateDirectory(target);
        using (var first = Open(target))
        {
            foreach (var name in (string[])["a.html", "b.html", "c/d.html", "e.html"])
                first.Write(name, "x"u8);
            first.Commit();
        }

        using var second = Open(target);
        second.Write("a.html", "x"u8);
        Assert.Equal(["b.html", "c/d.html", "e.html"], second.FilesGone.Order(StringComparer.Ordinal));
        second.Write("c/d.html", "y"u8);
        second.Write("new.html", "y"u8);
        Assert.Equal(["b.html", "e.html"], second.FilesGone.Order(StringComparer.Ordinal));
        second.Write("e.html", "x"u8);
        Assert.Equal(["b.html"], second.FilesGone);
        second.Commit();

        Assert.False(File.Exists(Path.Combine(target, "b.html")));
        Assert.Equal("y", File.ReadAllText(Path.Combine(target, "c", "d.html")));
        Assert.True(File.Exists(Path.Combine(target, "e.html")));
    }

    [Fact]
    public void Into_an_empty_output_folder_the_whole_site_is_moved_and_the_next_build_keeps_it()
    {
        var target = Path.Combine(_root, "output");
        Directory.CreateDirectory(target);
        using (var first = Open(target))
        {
            first.Write("index.html", "home"u8);
            first.Write("a/b/page.html", "page"u8, key: "k");
            first.Commit();
        }
        Assert.Equal("page", File.ReadAllText(Path.Combine(target, "a", "b", "page.html")));
        Assert.False(Directory.Exists(target + ".staging"));

        using var second = Open(target);
        Assert.True(second.TryKeep("a/b/page.html", "k"));
        second.Write("index.html", "home"u8);
        Assert.Equal(0, second.Changed);
    }

    [Fact]
    public void A_second_build_writes_only_changed_files_deletes_what_is_gone_and_keeps_what_it_is_told_to()
    {
        var target = Path.Combine(_root, "output");
        using (var first = Open(target))
        {
            first.Write("same.html", "same"u8);
            first.Write("changed.html", "before"u8);
            first.Write("gone.html", "gone"u8);
            first.Write("kept.html", "kept"u8, key: "k1");
            first.Commit();
        }
        var sameTime = File.GetLastWriteTimeUtc(Path.Combine(target, "same.html"));
        var keptTime = File.GetLastWriteTimeUtc(Path.Combine(target, "kept.html"));

        using (var second = Open(target))
        {
            second.Write("same.html", "same"u8);
            second.Write("changed.html", "after"u8);
            Assert.False(second.TryKeep("other.html", "k1"));
            Assert.True(second.TryKeep("kept.html", "k1"));
            Assert.Equal(1, second.Changed);
            Assert.Equal("kept", System.Text.Encoding.UTF8.GetString(second.ReadAllBytes("kept.html")));
            Assert.Equal("after", System.Text.Encoding.UTF8.GetString(second.ReadAllBytes("changed.html")));
            Assert.Equal("before", File.ReadAllText(Path.Combine(target, "changed.html")));
            second.Commit();
        }

        Assert.Equal(["changed.html", "kept.html", "same.html"], Directory.GetFiles(target).Select(Path.GetFileName).Order());
        Assert.Equal("after", File.ReadAllText(Path.Combine(target, "changed.html")));
        Assert.Equal(sameTime, File.GetLastWriteTimeUtc(Path.Combine(target, "same.html")));
        Assert.Equal(keptTime, File.GetLastWriteTimeUtc(Path.Combine(target, "kept.html")));
    }

    [Fact]
    public void Files_and_folders_added_by_hand_anywhere_and_folders_the_site_no_longer_has_are_gone_after_the_next_commit()
    {
        var target = Path.Combine(_root, "output");
        using (var first = Open(target))
        {
            first.Write("index.html", "home"u8);
            first.Write("a/one.html", "one"u8);
            first.Write("a/deep/two.html", "two"u8);
            first.Write("old/three.html", "three"u8);
            first.Commit();
        }
        File.WriteAllText(Path.Combine(target, "a", "deep", "stray.html"), "by hand");
        Directory.CreateDirectory(Path.Combine(target, "a", "made", "by", "hand"));
        File.WriteAllText(Path.Combine(target, "a", "made", "by", "hand", "x.html"), "by hand");

        using (var second = Open(target))
        {
            second.Write("index.html", "home"u8);
            second.Write("a/one.html", "one"u8);
            second.Write("a/deep/two.html", "two"u8);
            second.Commit();
        }

        Assert.Equal(["a/deep/two.html", "a/one.html", "index.html"], Files(target));
        Assert.Equal(["a", "a/deep"], Directory.GetDirectories(target, "*", SearchOption.AllDirectories)
            .Select(d => Path.GetRelativePath(target, d)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_commit_that_changes_nothing_leaves_the_manifest_as_it_was_and_a_later_stray_file_is_still_found()
    {
        var target = Path.Combine(_root, "output");
        void Build()
        {
            using var build = Open(target);
            build.Write("index.html", "home"u8);
            build.Write("a/one.html", "one"u8, key: "k");
            build.Commit();
        }
        Build();
        var manifestTime = File.GetLastWriteTimeUtc(Manifest);
        Thread.Sleep(20);

        Build();
        Assert.Equal(manifestTime, File.GetLastWriteTimeUtc(Manifest));

        File.WriteAllText(Path.Combine(target, "a", "stray.html"), "by hand");
        Build();
        Assert.Equal(["a/one.html", "index.html"], Files(target));
    }

    [Fact]
    public void A_build_that_keeps_every_file_and_adds_files_in_new_folders_records_those_folders_and_finds_a_stray_file_in_them()
    {
        var target = Path.Combine(_root, "output");
        void Build(bool more)
        {
            using var build = Open(target);
            build.Write("index.html", "home"u8);
            build.Write("a/one.html", "one"u8);
            if (more)
                build.Write("b/c/two.html", "two"u8);
            build.Commit();
        }
        Build(more: false);

        Build(more: true);
        Assert.Equal(["", "a", "b", "b/c"], OutputManifest.Load(Manifest, target)!.Folders.Keys.Order(StringComparer.Ordinal));

        File.WriteAllText(Path.Combine(target, "b", "c", "stray.html"), "by hand");
        Build(more: true);
        Assert.Equal(["a/one.html", "b/c/two.html", "index.html"], Files(target));
    }

    static List<string> Files(string root) =>
        [.. Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal)];

    [Fact]
    public void A_file_changed_by_hand_is_written_again_and_a_key_no_longer_keeps_it()
    {
        var target = Path.Combine(_root, "output");
        using (var first = Open(target))
        {
            first.Write("page.html", "built"u8, key: "k1");
            first.Write("other.html", "built"u8);
            first.Commit();
        }
        File.WriteAllText(Path.Combine(target, "page.html"), "edited by hand");
        File.WriteAllText(Path.Combine(target, "other.html"), "edited by hand");

        using (var second = Open(target))
        {
            Assert.False(second.TryKeep("page.html", "k1"));
            second.Write("page.html", "built"u8, key: "k1");
            second.Write("other.html", "built"u8);
            Assert.Equal(2, second.Changed);
            second.Commit();
        }

        Assert.Equal("built", File.ReadAllText(Path.Combine(target, "page.html")));
        Assert.Equal("built", File.ReadAllText(Path.Combine(target, "other.html")));
    }

    [Fact]
    public void The_CRC_of_a_file_is_known_when_this_build_had_its_bytes_and_not_when_it_kept_the_file_unread()
    {
        var target = Path.Combine(_root, "output");
        using (var first = Open(target))
        {
            first.Write("kept.png", [1, 2, 3], key: "k");
            first.Commit();
        }

        using var second = Open(target);
        second.Write("new.png", [4, 5, 6, 7]);
        second.Write("same.png", [9]);
        Assert.True(second.TryKeep("kept.png", "k"));

        Assert.Equal(System.IO.Hashing.Crc32.HashToUInt32([4, 5, 6, 7]), second.Crc32Of("new.png"));
        Assert.Equal(System.IO.Hashing.Crc32.HashToUInt32([9]), second.Crc32Of("same.png"));
        Assert.Null(second.Crc32Of("kept.png"));
        Assert.Throws<FileNotFoundException>(() => second.Crc32Of("missing.png"));
    }

    [Fact]
    public void A_file_written_in_place_is_named_by_the_hash_it_is_given_and_kept_unwritten_while_that_stays()
    {
        var target = Path.Combine(_root, "output");
        var bytes = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7 + i / 251)).ToArray();
        using (var output = Open(target))
        {
            output.WriteFile("archive.zip", "made-from-a", path => File.WriteAllBytes(path, bytes));
            Assert.Equal("made-from-a", output.HashOf("archive.zip"));
            Assert.Equal(bytes, File.ReadAllBytes(output.PathOf("archive.zip")));
            output.Commit();
        }
        var zip = Path.Combine(target, "archive.zip");
        var modified = File.GetLastWriteTimeUtc(zip);

        using (var output = Open(target))
        {
            output.WriteFile("archive.zip", "made-from-a", _ => Assert.Fail("a file with the same hash is kept, not written"));
            Assert.Equal(0, output.Changed);
            output.Commit();
        }
        Assert.Equal(bytes, File.ReadAllBytes(zip));
        Assert.Equal(modified, File.GetLastWriteTimeUtc(zip));

        using (var output = Open(target))
        {
            output.WriteFile("archive.zip", "made-from-b", path => File.WriteAllBytes(path, [1, 2, 3]));
            Assert.Equal(1, output.Changed);
            output.Commit();
        }
        Assert.Equal([1, 2, 3], File.ReadAllBytes(zip));
    }

    [Fact]
    public void A_file_whose_end_alone_is_staged_keeps_its_start_in_place_and_the_output_is_untouched_until_the_commit()
    {
        var target = Path.Combine(_root, "output");
        var bytes = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7 + i / 251)).ToArray();
        using (var output = Open(target))
        {
            Assert.Null(output.KeptLengthOf("archive.zip"));
            output.WriteFile("archive.zip", "made-from-a", path => File.WriteAllBytes(path, bytes));
            output.Commit();
        }
        var zip = Path.Combine(target, "archive.zip");
        byte[] tail = [1, 2, 3, 4, 5];

        using (var output = Open(target))
        {
            Assert.Equal(bytes.Length, output.KeptLengthOf("archive.zip"));
            output.WriteFileTail("archive.zip", "made-from-b", 60_000, path => File.WriteAllBytes(path, tail));
            Assert.Equal(1, output.Changed);
            // Not committed: thrown away with the staging folder.
        }
        Assert.Equal(bytes, File.ReadAllBytes(zip));

        FileInfo? committed = null;
        using (var output = Open(target))
        {
            Assert.Throws<InvalidOperationException>(() => output.WriteFileTail("archive.zip", "made-from-b", bytes.Length + 1, _ => { }));
            output.WriteFileTail("archive.zip", "made-from-b", 60_000, path => File.WriteAllBytes(path, tail), file => committed = file);
            output.Commit();
        }
        Assert.Equal([.. bytes.Take(60_000), .. tail], File.ReadAllBytes(zip));
        Assert.Equal(60_005, committed!.Length);

        using (var output = Open(target))
        {
            // Recorded as committed: the next build may keep a part of it again, or all of it.
            Assert.Equal(60_005, output.KeptLengthOf("archive.zip"));
            output.WriteFileTail("archive.zip", "made-from-b", 10, _ => Assert.Fail("a file with the same hash is kept, not written"));
            Assert.Equal(0, output.Changed);
        }
    }

    [Fact]
    public void Without_a_manifest_everything_is_written_and_nothing_is_kept()
    {
        var target = Path.Combine(_root, "output");
        using (var first = Open(target))
        {
            first.Write("page.html", "built"u8, key: "k1");
            first.Commit();
        }
        File.Delete(Manifest);

        using var second = Open(target);
        Assert.False(second.TryKeep("page.html", "k1"));
        second.Write("page.html", "built"u8, key: "k1");
        Assert.Equal(1, second.Changed);
    }

    [Fact]
    public void A_step_is_kept_whole_with_its_diagnostics_only_under_the_same_key()
    {
        var target = Path.Combine(_root, "output");
        var warning = new ArchiveSite.Model.Diagnostic(ArchiveSite.Model.Severity.Warning, "a.md", 3, "a warning");
        using (var first = Open(target))
        {
            first.CurrentStep = "index";
            first.Write("index/a.json", "a"u8);
            first.Write("index/b.json", "b"u8);
            first.RecordStep(new StepRecord("k1", [warning]));
            first.Commit();
        }

        using (var other = Open(target))
        {
            other.CurrentStep = "index";
            Assert.Null(other.TryKeepStep("k2"));
        }
        using (var same = Open(target))
        {
            same.CurrentStep = "index";
            Assert.Equal([warning], same.TryKeepStep("k1"));
            Assert.Equal(["index/a.json", "index/b.json"], same.Files);
            Assert.Equal(0, same.Changed);
        }
    }
}
