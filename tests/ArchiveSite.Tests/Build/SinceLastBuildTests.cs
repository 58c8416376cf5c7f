using ArchiveSite.Build;
using ArchiveSite.Model;
using ArchiveSite.Output;
using ArchiveSite.Site;

namespace ArchiveSite.Tests.Build;

/// <summary>
/// A build that finds nothing changed since the last one stops without building (<see cref="SinceLastBuild"/>): it must
/// say what that build said, and anything the build reads, or any change to the output folder, must make it build.
/// </summary>
public sealed class SinceLastBuildTests : IDisposable
{
    readonly SampleArchiveCopy _copy = new("archivesite-since-");

    public void Dispose() => _copy.Dispose();

    string Input => _copy.Input;
    string ThemeRoot => _copy.ThemeRoot;
    string Output => _copy.Output;
    string Cache => _copy.Cache;

    BuildResult Build(bool strict = false, string? output = null)
    {
        var result = SiteBuilder.Build(Input, output ?? Output, new ThemeFolder(ThemeRoot), new BuildOptions { CacheDirectory = Cache, Strict = strict });
        Assert.True(result.Succeeded || strict, string.Join("\n", result.Errors));
        return result;
    }

    [Fact]
    public void A_build_with_nothing_changed_says_what_the_last_build_said_and_touches_nothing()
    {
        File.WriteAllText(Path.Combine(Input, "transcripts", "captions.vtt"),
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello from the captions.\n\nHello without a timing.\n");
        var first = Build();
        Assert.False(first.Unchanged);
        Assert.Contains(first.Warnings, w => w.File == "transcripts/captions.vtt");
        var before = Stamps(Output);

        var again = Build();

        Assert.True(again.Unchanged);
        Assert.Equal(first.Diagnostics, again.Diagnostics);
        Assert.Equal(first.Counts, again.Counts);
        Assert.Equal(first.FilesWritten, again.FilesWritten);
        Assert.Equal(first.SearchIndex, again.SearchIndex);
        Assert.Equal(0, again.FilesChanged);
        Assert.Equal(["check"], again.Times.Select(t => t.Name));
        Assert.Equal(before, Stamps(Output));
        // Its archive is made only when asked for, and is the one the last build made.
        Assert.Equal(first.Site!.Pages.Select(p => p.Path), again.Site!.Pages.Select(p => p.Path));
    }

    [Fact]
    public void A_strict_build_with_nothing_changed_fails_on_the_warnings_the_last_build_had()
    {
        File.WriteAllText(Path.Combine(Input, "transcripts", "captions.vtt"),
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello from the captions.\n\nHello without a timing.\n");
        Build();
        var normal = SiteBuilder.Build(Input, Path.Combine(_copy.Root, "other"), new ThemeFolder(ThemeRoot),
            new BuildOptions { CacheDirectory = Path.Combine(_copy.Root, "other-cache"), Strict = true });

        var strict = Build(strict: true);

        Assert.True(strict.Unchanged);
        Assert.False(strict.Succeeded);
        Assert.Null(strict.Counts);
        Assert.Equal(normal.Diagnostics, strict.Diagnostics);
        Assert.Contains(strict.Errors, e => e.File == "transcripts/captions.vtt");
        Assert.True(Build().Succeeded, "without --strict the same input still builds");
    }

    public static TheoryData<string> InputChanges => [.. InputChangers.Keys];

    static readonly Dictionary<string, Action<string, string>> InputChangers = new()
    {
        ["a byte of a transcript"] = (input, _) => ChangeOneByte(Path.Combine(input, "transcripts", "01-sleep-and-the-restless-mind.txt")),
        ["a byte of the speakers"] = (input, _) => ChangeOneByte(Path.Combine(input, "speakers.yml")),
        ["a transcript added"] = (input, _) => File.WriteAllText(Path.Combine(input, "transcripts", "05-extra.md"), "**Ana:** A few words.\n"),
        ["a transcript deleted"] = (input, _) => File.Delete(Path.Combine(input, "transcripts", "02-attention-in-a-distracted-age.md")),
        ["a file that is not a transcript"] = (input, _) => File.WriteAllText(Path.Combine(input, "transcripts", "notes.pdf"), "%PDF"),
        ["an empty folder"] = (input, _) => Directory.CreateDirectory(Path.Combine(input, "transcripts", "later")),
        ["a theme layout"] = (_, theme) => File.AppendAllText(Path.Combine(theme, "layouts", "transcript.sbn"), "<!-- edited -->"),
        ["a theme asset"] = (_, theme) => File.AppendAllText(Path.Combine(theme, "assets", "site.css"), "\n.edited { color: red; }\n"),
        ["the theme's lock file"] = (_, theme) => File.AppendAllText(Path.Combine(theme, "package-lock.json"), "\n"),
    };

    [Theory]
    [MemberData(nameof(InputChanges))]
    public void A_change_to_anything_the_build_reads_makes_it_build(string change)
    {
        Build();
        InputChangers[change](Input, ThemeRoot);

        Assert.False(Build().Unchanged);
        Assert.True(Build().Unchanged, "the build after it has nothing to do again");
    }

    public static TheoryData<string> OutputChanges => [.. OutputChangers.Keys];

    static readonly Dictionary<string, Action<string>> OutputChangers = new()
    {
        ["a file edited"] = output => File.AppendAllText(Path.Combine(output, "index.html"), "<!-- edited -->"),
        ["a file edited to the same size"] = output =>
        {
            var file = Path.Combine(output, "index.html");
            var time = File.GetLastWriteTimeUtc(file);
            ChangeOneByte(file);
            File.SetLastWriteTimeUtc(file, time.AddSeconds(1));
        },
        ["a file deleted"] = output => File.Delete(Path.Combine(output, "search.html")),
        ["a file added"] = output => File.WriteAllText(Path.Combine(output, "transcripts", "stray.html"), "stray"),
        ["a folder added"] = output => Directory.CreateDirectory(Path.Combine(output, "transcripts", "stray")),
        ["the folder deleted"] = output => Directory.Delete(output, recursive: true),
        ["a staging folder left by a build cut short"] = output => Directory.CreateDirectory(output + ".staging"),
    };

    [Theory]
    [MemberData(nameof(OutputChanges))]
    public void A_change_to_the_output_folder_makes_it_build_and_put_it_right(string change)
    {
        Build();
        var before = Bytes(Output);
        OutputChangers[change](Output);

        Assert.False(Build().Unchanged);
        Assert.Equal(before, Bytes(Output));
        Assert.False(Directory.Exists(Output + ".staging"));
        Assert.True(Build().Unchanged);
    }

    [Fact]
    public void Another_output_folder_or_another_cache_is_not_taken_for_the_last_build()
    {
        Build();
        Assert.False(Build(output: Path.Combine(_copy.Root, "elsewhere")).Unchanged);
        Assert.False(SiteBuilder.Build(Input, Output, new ThemeFolder(ThemeRoot), new BuildOptions { CacheDirectory = Path.Combine(_copy.Root, "cache-2") })
            .Unchanged);
        // That build, with a cache of its own, wrote the output folder again: this cache's record no longer describes it.
        Assert.False(Build().Unchanged);
        Assert.True(Build().Unchanged);
    }

    [Fact]
    public void A_failed_build_leaves_the_record_of_the_last_good_one_which_holds_only_for_its_input()
    {
        Build();
        File.WriteAllBytes(Path.Combine(Input, "transcripts", "binary.txt"), [0, 1, 2, 0]);

        var failed = SiteBuilder.Build(Input, Output, new ThemeFolder(ThemeRoot), new BuildOptions { CacheDirectory = Cache });
        var again = SiteBuilder.Build(Input, Output, new ThemeFolder(ThemeRoot), new BuildOptions { CacheDirectory = Cache });

        Assert.False(failed.Succeeded || failed.Unchanged);
        Assert.False(again.Succeeded || again.Unchanged);
        Assert.Equal(failed.Diagnostics, again.Diagnostics);
        File.Delete(Path.Combine(Input, "transcripts", "binary.txt"));
        Assert.True(Build().Unchanged);
    }

    [Fact]
    public void A_damaged_record_of_the_last_build_means_a_build()
    {
        Build();
        var record = LastBuild.FileFor(Cache, Output);
        var bytes = File.ReadAllBytes(record);
        File.WriteAllBytes(record, bytes[..(bytes.Length / 2)]);

        Assert.False(Build().Unchanged);
        Assert.True(Build().Unchanged);
    }

    [Fact]
    public void An_input_file_that_cannot_be_read_means_a_build_that_names_it()
    {
        // A link to nothing: listed as a file, but opening it fails (as root, a file without read permission opens).
        File.CreateSymbolicLink(Path.Combine(Input, "transcripts", "broken.txt"), Path.Combine(_copy.Root, "nothing-here.txt"));

        var check = SinceLastBuild.Check(Input, Output, new ThemeFolder(ThemeRoot), new BuildOptions { CacheDirectory = Cache });
        var result = SiteBuilder.Build(check, new BuildOptions { CacheDirectory = Cache });

        Assert.Null(check.Inputs);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.File == "transcripts/broken.txt");
    }

    [Fact]
    public void The_output_fingerprint_of_a_build_s_manifest_is_that_of_the_folder_it_left()
    {
        Build();
        var manifest = OutputManifest.Load(OutputManifest.FileFor(Cache, Output), Output)!;

        Assert.Equal(OutputFingerprint.Of(manifest), OutputFingerprint.OfFolder(Output));
        File.SetLastWriteTimeUtc(Path.Combine(Output, "index.html"), new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.NotEqual(OutputFingerprint.Of(manifest), OutputFingerprint.OfFolder(Output));
        Assert.Null(OutputFingerprint.OfFolder(Path.Combine(_copy.Root, "missing")));
    }

    [Fact]
    public void The_input_fingerprint_covers_the_npm_files_copied_into_the_site_and_npm_s_record_of_what_it_installed()
    {
        var theme = new ThemeFolder(Path.Combine(_copy.Root, "fake-theme"));
        foreach (var (package, _) in CopyNpmAssets.Files)
            WriteFile(Path.Combine(theme.NodeModules, package), "v1");
        WriteFile(Path.Combine(theme.NodeModules, ".package-lock.json"), "{}");
        WriteFile(Path.Combine(theme.NodeModules, "@fontsource", "noto-sans", "package.json"), "{\"version\": \"1\"}");
        var fingerprints = new List<string> { BuildInputs.Of(Input, theme).Fingerprint };

        File.AppendAllText(Path.Combine(theme.NodeModules, CopyNpmAssets.Files[0].Package), "!");
        fingerprints.Add(BuildInputs.Of(Input, theme).Fingerprint);
        File.AppendAllText(Path.Combine(theme.NodeModules, ".package-lock.json"), " ");
        fingerprints.Add(BuildInputs.Of(Input, theme).Fingerprint);
        File.AppendAllText(Path.Combine(theme.NodeModules, "@fontsource", "noto-sans", "package.json"), " ");
        fingerprints.Add(BuildInputs.Of(Input, theme).Fingerprint);
        fingerprints.Add(BuildInputs.Of(Input, theme).Fingerprint);

        Assert.Equal(4, fingerprints.Distinct().Count());
        Assert.Equal(fingerprints[^2], fingerprints[^1]);
        Assert.NotEqual(fingerprints[^1], BuildInputs.Of(Input, new ThemeFolder(Path.Combine(_copy.Root, "no-theme"))).Fingerprint);
    }

    [Fact]
    public void A_file_still_as_the_last_check_recorded_it_is_not_read_again_unless_it_was_modified_just_before_that_check()
    {
        var theme = new ThemeFolder(ThemeRoot);
        var file = Path.Combine(Input, "transcripts", "02-attention-in-a-distracted-age.md");
        var old = DateTime.UtcNow.AddHours(-1);
        File.SetLastWriteTimeUtc(file, old);
        var first = BuildInputs.Of(Input, theme, Cache);

        // Same size and time, other bytes: a file the record vouches for is not read (nor would a real edit leave it so).
        SameSizeOtherBytes(file, old);
        Assert.Equal(first.Fingerprint, BuildInputs.Of(Input, theme, Cache).Fingerprint);
        Assert.NotEqual(first.Fingerprint, BuildInputs.Of(Input, theme).Fingerprint);

        // Modified just before a check: that check's record does not vouch for it, however its size and time look later.
        File.AppendAllText(file, "\n**Ana:** Later.\n");
        var recent = File.GetLastWriteTimeUtc(file);
        var second = BuildInputs.Of(Input, theme, Cache);
        Assert.NotEqual(first.Fingerprint, second.Fingerprint);
        SameSizeOtherBytes(file, recent);
        Assert.NotEqual(second.Fingerprint, BuildInputs.Of(Input, theme, Cache).Fingerprint);
        Assert.Equal(BuildInputs.Of(Input, theme).Fingerprint, BuildInputs.Of(Input, theme, Cache).Fingerprint);
    }

    static void SameSizeOtherBytes(string file, DateTime modified)
    {
        var bytes = File.ReadAllBytes(file);
        bytes[^2] = bytes[^2] == (byte)'x' ? (byte)'y' : (byte)'x';
        File.WriteAllBytes(file, bytes);
        File.SetLastWriteTimeUtc(file, modified);
    }

    [Fact]
    public void The_input_phase_takes_a_kept_transcript_by_the_hash_the_check_took_without_reading_the_file_again()
    {
        Build();
        var inputs = BuildInputs.Of(Input, new ThemeFolder(ThemeRoot));
        const string relative = "transcripts/02-attention-in-a-distracted-age.md";
        var title = InputPhase.Run(Input, new TranscriptCache(Cache)).Transcripts.Single(t => t.SourcePath == relative).Title;
        // Changed after the check hashed it: the build reads the input as the check saw it (and the next build sees the change).
        File.WriteAllText(Path.Combine(Input, relative), "---\ntitle: Changed\n---\n\n**Ana:** Changed.\n");

        var withHashes = InputPhase.Run(Input, new TranscriptCache(Cache), hashes: inputs.InputFiles);
        var withoutHashes = InputPhase.Run(Input, new TranscriptCache(Cache));

        Assert.Contains(relative, inputs.InputFiles.Keys);
        Assert.Equal(title, withHashes.Transcripts.Single(t => t.SourcePath == relative).Title);
        Assert.Equal("Changed", withoutHashes.Transcripts.Single(t => t.SourcePath == relative).Title);
        Assert.NotEqual(withHashes.Hash, withoutHashes.Hash);
    }

    static void WriteFile(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Keeps the size and the first byte's place: only the bytes tell the file changed.</summary>
    static void ChangeOneByte(string file)
    {
        var bytes = File.ReadAllBytes(file);
        var at = Array.FindLastIndex(bytes, b => b is (byte)'e' or (byte)'a');
        bytes[at] = bytes[at] == (byte)'e' ? (byte)'a' : (byte)'e';
        File.WriteAllBytes(file, bytes);
    }

    static Dictionary<string, DateTime> Stamps(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);

    static Dictionary<string, string> Bytes(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(root, f), f => ContentHash.Of(File.ReadAllBytes(f)));
}
