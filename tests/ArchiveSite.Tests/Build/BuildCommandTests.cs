using ArchiveSite.Build;
using ArchiveSite.Cli;
using ArchiveSite.Cli.Commands;
using ArchiveSite.Search;
using ArchiveSite.Site;
using ArchiveSite.Tests.Support;

namespace ArchiveSite.Tests.Build;

public sealed class BuildCommandTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "archivesite-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    Task<int> Build(string input) => CommandRunner.RunAsync(
        ["build", "--input", input, "--output", Path.Combine(_root, "output"), "--theme", Path.Combine(RepoPaths.Root, "theme")]);

    [Fact]
    public async Task Build_exits_zero_and_writes_the_site_then_a_bad_transcript_exits_nonzero_and_keeps_it()
    {
        var input = Path.Combine(_root, "input");
        Directory.CreateDirectory(Path.Combine(input, "transcripts"));
        File.WriteAllText(Path.Combine(input, "transcripts", "talk.md"), "---\ntitle: A Talk\n---\n\n**Ana:** Hello there.\n\n**Ben:** Hello, Ana.\n");

        Assert.Equal(0, await Build(input));
        var page = Path.Combine(_root, "output", "transcripts", "talk.html");
        var before = File.ReadAllBytes(page);

        File.WriteAllBytes(Path.Combine(input, "transcripts", "binary.txt"), [0x00, 0x01, 0x02, 0x00]);
        Assert.Equal(1, await Build(input));
        Assert.Equal(before, File.ReadAllBytes(page));
        Assert.False(File.Exists(Path.Combine(_root, "output", "transcripts", "binary.html")));
    }

    [Fact]
    public async Task A_folder_of_transcripts_without_any_registry_builds()
    {
        var input = Path.Combine(_root, "input");
        Directory.CreateDirectory(Path.Combine(input, "transcripts"));
        File.WriteAllText(Path.Combine(input, "transcripts", "plain.md"), "**Ana:** Only words.\n\n**Ben:** And more words.\n");

        Assert.Equal(0, await Build(input));
        Assert.True(File.Exists(Path.Combine(_root, "output", "speakers", "index.html")));
        Assert.False(File.Exists(Path.Combine(_root, "output", "sitemap.xml")));
    }

    const string Talk = "---\ntitle: A Talk\n---\n\n**Ana:** Hello there.\n\n**Ben:** Hello, Ana.\n";

    /// <summary>A caption file with text outside any cue: read, with a warning on line 6.</summary>
    const string CaptionsWithStrayText = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello from the captions.\n\nHello without a timing.\n";

    const string StrayTextWarning = "transcripts/captions.vtt:6: warning: caption text without a timing line";

    SitePaths Paths() => new(Path.Combine(_root, "input"), Path.Combine(_root, "output"), Path.Combine(RepoPaths.Root, "theme"));

    void AddTranscript(string name, string text)
    {
        Directory.CreateDirectory(Path.Combine(_root, "input", "transcripts"));
        File.WriteAllText(Path.Combine(_root, "input", "transcripts", name), text);
    }

    static (bool Succeeded, string Log) RunPlain(SitePaths paths, bool strict = false)
    {
        var log = new StringWriter();
        var succeeded = BuildCommand.Run(paths, strict, log, bars: false);
        return (succeeded, log.ToString());
    }

    [Fact]
    public void Only_a_rebuild_of_a_site_the_cache_knows_with_something_changed_runs_without_collections()
    {
        AddTranscript("talk.md", Talk);
        var paths = Paths();
        SinceLastBuild Check() => SinceLastBuild.Check(paths.Input, paths.Output, new ThemeFolder(paths.Theme), new BuildOptions());

        Assert.False(RebuildWithoutCollections.IsRebuild(Check()), "a cold build");
        Assert.True(RunPlain(paths).Succeeded);
        Assert.False(RebuildWithoutCollections.IsRebuild(Check()), "nothing changed");
        AddTranscript("talk.md", Talk + "\n**Ana:** One more line.\n");
        Assert.True(RebuildWithoutCollections.IsRebuild(Check()), "a rebuild");
    }

    [Fact]
    public void Without_a_terminal_each_phase_gets_one_line_and_the_summary_counts_what_was_built()
    {
        AddTranscript("talk.md", Talk);
        AddTranscript("captions.vtt", CaptionsWithStrayText);

        var (succeeded, log) = RunPlain(Paths());

        Assert.True(succeeded, log);
        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var phase in new[] { "input done, 2 in", "process done, 2 in", "postprocess done in", "pages done, ", "search index done",
                                      "quote cards done", "download done, " })
            Assert.Single(lines, l => l.StartsWith("build: " + phase, StringComparison.Ordinal));
        var output = Path.Combine(_root, "output");
        var pages = Directory.GetFiles(output, "*.html", SearchOption.AllDirectories).Length;
        var shards = Directory.GetFiles(Path.Combine(output, ShardWriter.Folder), "s*.js").Length;
        Assert.Contains($"build: 2 transcripts, {pages} pages, 0 quotes, ", log);
        Assert.Contains($"; search index {shards} shards, ", log);
        Assert.Matches(@"build: time per phase: check \d+\.\d\d s, input \d+\.\d\d s, process .*, output: download \d+\.\d\d s", log);
        Assert.Contains("warnings: 1, by kind:", log);
        Assert.Contains("1 x caption text without a timing line ('…'); kept with the cue before it", log);
        Assert.Contains(StrayTextWarning, log);
    }

    [Fact]
    public void A_build_with_nothing_changed_says_so_and_reports_what_the_last_build_reported()
    {
        AddTranscript("talk.md", Talk);
        AddTranscript("captions.vtt", CaptionsWithStrayText);
        var (_, first) = RunPlain(Paths());

        var (succeeded, again) = RunPlain(Paths());

        Assert.True(succeeded, again);
        Assert.DoesNotContain("nothing changed", first);
        Assert.Contains($"build: nothing changed since the last build; {Paths().Output} is as it left it", again);
        Assert.Matches(@"build: time per phase: check \d+\.\d\d s\n", again.ReplaceLineEndings("\n"));
        Assert.Equal(Report(first), Report(again));
        Assert.Contains(StrayTextWarning, Report(again));
    }

    /// <summary>What a build says apart from its progress and times: diagnostics, warnings and the counts.</summary>
    static string Report(string log) => string.Join("\n", log.ReplaceLineEndings("\n").Split('\n').Where(line =>
        !line.Contains(" done", StringComparison.Ordinal) && !line.StartsWith("build: time per phase", StringComparison.Ordinal)
        && !line.StartsWith("build: nothing changed", StringComparison.Ordinal)));

    [Fact]
    public void Strict_makes_a_warning_an_error_that_fails_the_build_and_keeps_the_last_output()
    {
        AddTranscript("talk.md", Talk);
        Assert.True(RunPlain(Paths(), strict: true).Succeeded);
        var page = Path.Combine(_root, "output", "transcripts", "talk.html");
        var before = File.ReadAllBytes(page);
        AddTranscript("captions.vtt", CaptionsWithStrayText);

        var (succeeded, log) = RunPlain(Paths(), strict: true);

        Assert.False(succeeded);
        Assert.Contains(StrayTextWarning.Replace("warning:", "error:"), log);
        Assert.Contains("build: failed with 1 errors and 0 warnings;", log);
        Assert.Equal(before, File.ReadAllBytes(page));
        Assert.False(File.Exists(Path.Combine(_root, "output", "transcripts", "captions.html")));

        Assert.True(RunPlain(Paths()).Succeeded, "the same input builds without --strict");
        Assert.True(File.Exists(Path.Combine(_root, "output", "transcripts", "captions.html")));
    }

    [Fact]
    public void Strict_fails_a_rebuild_that_changes_nothing_when_the_last_build_had_warnings()
    {
        AddTranscript("captions.vtt", CaptionsWithStrayText);
        Assert.True(RunPlain(Paths()).Succeeded);
        var page = Path.Combine(_root, "output", "transcripts", "captions.html");
        var before = File.ReadAllBytes(page);

        var (succeeded, log) = RunPlain(Paths(), strict: true);

        Assert.False(succeeded);
        Assert.Contains(StrayTextWarning.Replace("warning:", "error:"), log);
        Assert.Equal(before, File.ReadAllBytes(page));
    }

    [Fact]
    public async Task The_strict_switch_reaches_the_build_from_the_command_line()
    {
        AddTranscript("captions.vtt", CaptionsWithStrayText);

        Assert.Equal(1, await CommandRunner.RunAsync(["build", "--strict", "--plain", "--input", Paths().Input, "--output", Paths().Output, "--theme", Paths().Theme]));
        Assert.False(Directory.Exists(Paths().Output));
        Assert.Equal(0, await CommandRunner.RunAsync(["build", "--plain", "--input", Paths().Input, "--output", Paths().Output, "--theme", Paths().Theme]));
    }

    [Fact]
    public void Every_error_is_reported_with_its_file_and_line_not_just_the_first()
    {
        AddTranscript("talk.md", Talk);
        File.WriteAllBytes(Path.Combine(_root, "input", "transcripts", "binary.txt"), [0x00, 0x01, 0x02, 0x00]);
        File.WriteAllBytes(Path.Combine(_root, "input", "transcripts", "other.txt"), [0x00, 0xFF, 0x00, 0x00]);
        AddTranscript("captions.vtt", CaptionsWithStrayText);

        var (succeeded, log) = RunPlain(Paths(), strict: true);

        Assert.False(succeeded);
        Assert.Matches(@"transcripts/binary\.txt:\d+: error: ", log);
        Assert.Matches(@"transcripts/other\.txt:\d+: error: ", log);
        Assert.Contains("transcripts/captions.vtt:6: error: ", log);
        Assert.Contains("build: failed with 3 errors", log);
    }
}
