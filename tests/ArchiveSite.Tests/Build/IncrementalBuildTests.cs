using ArchiveSite.Build;
using ArchiveSite.Site;

namespace ArchiveSite.Tests.Build;

/// <summary>
/// Incremental builds against clean ones: the sample archive is built, one input changes, and the rebuild
/// (reusing the output folder and the build cache) must equal a clean build of the same input byte for byte.
/// </summary>
public sealed class IncrementalBuildTests : IDisposable
{
    readonly SampleArchiveCopy _copy = new("archivesite-incremental-");

    public void Dispose() => _copy.Dispose();

    string Input => _copy.Input;
    string ThemeRoot => _copy.ThemeRoot;
    string Output => _copy.Output;
    string Cache => _copy.Cache;
    string Transcripts => Path.Combine(Input, "transcripts");

    BuildResult Rebuild()
    {
        var result = SiteBuilder.Build(Input, Output, new ThemeFolder(ThemeRoot), new BuildOptions { CacheDirectory = Cache });
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result;
    }

    BuildResult CleanBuild(string name)
    {
        var result = SiteBuilder.Build(Input, Path.Combine(_copy.Root, name), new ThemeFolder(ThemeRoot),
            new BuildOptions { CacheDirectory = Path.Combine(_copy.Root, name + "-cache") });
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result;
    }

    public static TheoryData<string> Changes => [.. ChangeMakers.Keys];

    static readonly Dictionary<string, Action<string, string>> ChangeMakers = new()
    {
        ["raw text transcript"] = (input, _) => Append(input, "transcripts/01-sleep-and-the-restless-mind.txt",
            "\nDr. Ribeiro:  One more thing about insomnia before we stop. \n"),
        ["markdown transcript"] = (input, _) => Replace(input, "transcripts/02-attention-in-a-distracted-age.md", "title: Attention in a Distracted Age",
            "title: Attention in a Very Distracted Age"),
        ["webvtt transcript"] = (input, _) => Append(input, "transcripts/03-burnout-and-recovery.vtt",
            "\n00:59:00.000 --> 00:59:04.000\n<v Ana Ribeiro>A last word on rest and recovery.\n"),
        ["caption sidecar"] = (input, _) => Replace(input, "transcripts/03-burnout-and-recovery.yml", "title: Burnout and Recovery",
            "title: Burnout, and Recovery"),
        ["srt transcript"] = (input, _) => Append(input, "transcripts/04-compassion-at-work.srt",
            "\n999\n00:59:00,000 --> 00:59:04,000\nANA: Thank you both for coming back.\n"),
        ["speaker bio"] = (input, _) => Replace(input, "speakers.yml", "A clinical psychologist", "A psychologist"),
        ["topics"] = (input, _) => Replace(input, "topics.yml", "How we sleep, why we cannot", "How we sleep, why we often cannot"),
        ["site settings"] = (input, _) => Replace(input, "site.yml", "title: The Quiet Hour Archive", "title: The Quiet Hour Library"),
        ["theme layout"] = (_, theme) => Replace(theme, "layouts/transcript.sbn", "<article class=\"transcript\">",
            "<article class=\"transcript\" data-edited=\"yes\">"),
        ["theme asset"] = (_, theme) => Append(theme, "assets/site.css", "\n.edited { color: red; }\n"),
        ["theme script"] = (_, theme) => Replace(theme, "assets/site.js", "\"Link copied\"", "\"Link copied!\""),
        ["deleted transcript"] = (input, _) => File.Delete(Path.Combine(input, "transcripts/02-attention-in-a-distracted-age.md")),
        ["added transcript"] = (input, _) => File.WriteAllText(Path.Combine(input, "transcripts/05-a-short-extra.md"),
            "---\ntitle: A Short Extra\ndate: 2025-03-01\n---\n\n**Ana:** A few words about sleep, rest and attention.\n\n**Ana:** And a few more about rest.\n"),
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void After_one_change_an_incremental_rebuild_equals_a_clean_build_byte_for_byte(string change)
    {
        Rebuild();
        var before = Snapshot(Output);

        ChangeMakers[change](Input, ThemeRoot);
        var rebuilt = Rebuild();
        CleanBuild("clean");

        AssertSameTree(Path.Combine(_copy.Root, "clean"), Output);
        var after = Snapshot(Output);
        var changed = after.Count(f => !before.TryGetValue(f.Key, out var b) || !b.Bytes.SequenceEqual(f.Value.Bytes));
        Assert.True(changed > 0 || before.Count != after.Count, "the change did not change the site");
        Assert.Equal(changed, rebuilt.FilesChanged);
    }

    [Fact]
    public void A_rebuild_with_nothing_changed_writes_nothing_and_keeps_every_file_as_it_was()
    {
        var first = Rebuild();
        var before = Snapshot(Output);

        var rebuilt = Rebuild();

        Assert.Equal(0, rebuilt.FilesChanged);
        Assert.Equal(before.Count, rebuilt.FilesWritten);
        AssertUntouched(before, Snapshot(Output));
        // Every output step kept its files, so the archive was not even made; the summary's counts are the kept ones.
        Assert.DoesNotContain(rebuilt.Times, t => t.Name is "process" or "postprocess");
        Assert.Equal(first.Counts, rebuilt.Counts);
        Assert.Equal(first.Site!.Pages.Select(p => p.Path), rebuilt.Site!.Pages.Select(p => p.Path));
    }

    [Fact]
    public void A_rebuild_after_one_change_rewrites_only_the_files_whose_bytes_changed()
    {
        Rebuild();
        var before = Snapshot(Output);

        ChangeMakers["speaker bio"](Input, ThemeRoot);
        var rebuilt = Rebuild();

        var after = Snapshot(Output);
        var changed = after.Where(f => !before[f.Key].Bytes.SequenceEqual(f.Value.Bytes)).Select(f => f.Key).ToList();
        Assert.Contains("speakers/ana-ribeiro.html", changed);
        Assert.DoesNotContain("assets/site.css", changed);
        Assert.True(changed.Count < after.Count / 2, $"{changed.Count} of {after.Count} files changed");
        foreach (var (path, file) in after.Where(f => !changed.Contains(f.Key)))
            Assert.True(file.Modified == before[path].Modified, path + " was rewritten although its bytes are the same");
        Assert.Equal(changed.Count, rebuilt.FilesChanged);
    }

    [Fact]
    public void A_failed_incremental_build_leaves_the_output_as_it_was_and_the_next_good_build_is_clean()
    {
        Rebuild();
        var before = Snapshot(Output);
        ChangeMakers["markdown transcript"](Input, ThemeRoot);
        File.WriteAllText(Path.Combine(ThemeRoot, "layouts", "topic.sbn"), "<h1>{{ model.name }}</h1>\n{{ for x in }}");

        var failed = SiteBuilder.Build(Input, Output, new ThemeFolder(ThemeRoot), new BuildOptions { CacheDirectory = Cache });

        Assert.False(failed.Succeeded);
        AssertUntouched(before, Snapshot(Output));
        Assert.False(Directory.Exists(Output + ".staging"));

        File.Copy(Path.Combine(BuiltSite.Theme.Layouts, "topic.sbn"), Path.Combine(ThemeRoot, "layouts", "topic.sbn"), overwrite: true);
        Rebuild();
        CleanBuild("clean");
        AssertSameTree(Path.Combine(_copy.Root, "clean"), Output);
    }

    [Fact]
    public void A_commit_cut_short_while_it_rewrote_the_download_is_put_right_by_the_next_build()
    {
        Rebuild();
        ChangeMakers["srt transcript"](Input, ThemeRoot);
        // A commit deletes the manifest first; cut short after it had cut the zip, the zip lacks its end.
        File.Delete(ArchiveSite.Output.OutputManifest.FileFor(Cache, Output));
        var zip = Path.Combine(Output, "archive.zip");
        File.WriteAllBytes(zip, File.ReadAllBytes(zip)[..(int)(new FileInfo(zip).Length * 3 / 4)]);

        Rebuild();

        CleanBuild("clean");
        AssertSameTree(Path.Combine(_copy.Root, "clean"), Output);
    }

    [Fact]
    public void Output_files_edited_deleted_or_added_by_hand_are_put_right_by_the_next_build()
    {
        Rebuild();
        File.AppendAllText(Path.Combine(Output, "index.html"), "<!-- edited by hand -->");
        File.Delete(Path.Combine(Output, "transcripts", "02-attention-in-a-distracted-age.html"));
        File.Delete(Path.Combine(Output, "search", Directory.GetFiles(Path.Combine(Output, "search")).Select(Path.GetFileName).Order().First()!));
        File.WriteAllText(Path.Combine(Output, "stray.html"), "not part of the site");

        Rebuild();

        CleanBuild("clean");
        AssertSameTree(Path.Combine(_copy.Root, "clean"), Output);
    }

    [Fact]
    public void A_deleted_output_folder_or_a_lost_cache_gives_a_complete_site_again()
    {
        Rebuild();
        Directory.Delete(Output, recursive: true);
        Rebuild();
        CleanBuild("clean");
        AssertSameTree(Path.Combine(_copy.Root, "clean"), Output);

        Directory.Delete(Cache, recursive: true);
        ChangeMakers["topics"](Input, ThemeRoot);
        Rebuild();
        CleanBuild("clean-2");
        AssertSameTree(Path.Combine(_copy.Root, "clean-2"), Output);
    }

    /// <summary>
    /// A speaker missing from speakers.yml is named by the first transcript (by slug) that has them, so a transcript
    /// added before another renames someone on the other's page: its kept body must not be reused.
    /// </summary>
    [Fact]
    public void A_transcript_that_renames_a_guest_on_another_transcript_page_rerenders_that_page()
    {
        const string later = "transcripts/zz-later.html";
        File.WriteAllText(Path.Combine(Transcripts, "zz-later.md"),
            "---\ntitle: Later\nspeakers:\n  - name: Sam Doe\n---\n\n**Sam Doe:** A guest says a few words about rest.\n");
        Rebuild();
        Assert.Contains(">Sam Doe</a>", File.ReadAllText(Path.Combine(Output, later)));

        File.WriteAllText(Path.Combine(Transcripts, "aa-earlier.md"),
            "---\ntitle: Earlier\nspeakers:\n  - name: SAM DOE\n---\n\n**SAM DOE:** The same guest, named in capitals.\n");
        Rebuild();

        Assert.Contains(">SAM DOE</a>", File.ReadAllText(Path.Combine(Output, later)));
        Assert.DoesNotContain(">Sam Doe</a>", File.ReadAllText(Path.Combine(Output, later)));
        CleanBuild("clean");
        AssertSameTree(Path.Combine(_copy.Root, "clean"), Output);
    }

    static void Append(string root, string relative, string text) => File.AppendAllText(Path.Combine(root, relative), text);

    static void Replace(string root, string relative, string from, string to)
    {
        var path = Path.Combine(root, relative);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to));
    }

    sealed record SiteFile(byte[] Bytes, DateTime Modified);

    static Dictionary<string, SiteFile> Snapshot(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(root, f).Replace('\\', '/'),
            f => new SiteFile(File.ReadAllBytes(f), File.GetLastWriteTimeUtc(f)),
            StringComparer.Ordinal);

    static void AssertSameTree(string expectedRoot, string actualRoot)
    {
        var expected = Snapshot(expectedRoot);
        var actual = Snapshot(actualRoot);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, file) in expected)
            Assert.True(file.Bytes.AsSpan().SequenceEqual(actual[path].Bytes), path + " differs from a clean build");
    }

    static void AssertUntouched(Dictionary<string, SiteFile> before, Dictionary<string, SiteFile> after)
    {
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, file) in before)
        {
            Assert.True(file.Bytes.AsSpan().SequenceEqual(after[path].Bytes), path + " changed");
            Assert.True(file.Modified == after[path].Modified, path + " was rewritten");
        }
    }
}
