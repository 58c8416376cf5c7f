using ArchiveSite.Build;
using ArchiveSite.Model;
using ArchiveSite.Output;
using ArchiveSite.Site;

namespace ArchiveSite.Tests.Build;

public sealed class OutputPhaseTests : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("output-phase-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    static SiteSource NoSite => new(() => throw new InvalidOperationException("these steps read no archive"));

    [Fact]
    public void Steps_run_in_order_report_in_step_order_and_a_later_step_sees_the_files_of_earlier_ones()
    {
        var started = new List<string>();
        var first = new Step("first", context =>
        {
            started.Add("first");
            context.Writer.Write("first.txt", "1"u8);
            context.Report(new Diagnostic(Severity.Warning, "first.md", 1, "from the first step"));
        });
        var second = new Step("second", context =>
        {
            started.Add("second");
            context.Report(new Diagnostic(Severity.Warning, "second.md", 1, "from the second step"));
            context.Writer.Write("second.txt", "2"u8);
        });
        IReadOnlyList<string>? seenByLast = null;
        var last = new Step("last", context => seenByLast = ((StagedOutput)context.Writer).Files);
        var times = new List<string>();

        var result = OutputPhase.Run(NoSite, null, new ThemeFolder(_root), Path.Combine(_root, "output"), [first, second, last],
            (step, _) => times.Add(step), new BuildOptions { CacheDirectory = Path.Combine(_root, "cache") });

        Assert.True(result.Succeeded);
        Assert.Equal(["first", "second"], started);
        Assert.Equal(["from the first step", "from the second step"], result.Diagnostics.Select(d => d.Message));
        Assert.Equal(["first.txt", "second.txt"], seenByLast);
        Assert.Equal(["first", "second", "last", "commit"], times);
    }

    [Fact]
    public void Files_are_recorded_as_the_step_that_wrote_them_from_its_parallel_workers()
    {
        var output = Path.Combine(_root, "output");
        var options = new BuildOptions { CacheDirectory = Path.Combine(_root, "cache") };
        IOutputStep[] Steps() =>
        [
            new CachedStep(new Step("a", context => Write(context, "a", 200)), _ => "key-a"),
            new CachedStep(new Step("b", context => Write(context, "b", 200)), _ => "key-b"),
        ];
        OutputPhase.Run(NoSite, null, new ThemeFolder(_root), output, Steps(), options: options);

        var manifest = OutputManifest.Load(OutputManifest.FileFor(options.CacheDirectory, output), Path.GetFullPath(output))!;

        Assert.Equal(400, manifest.Files.Count);
        Assert.All(manifest.Files, file => Assert.Equal(file.Key[..1], file.Value.Step));
        var kept = OutputPhase.Run(NoSite, null, new ThemeFolder(_root), output,
            [new CachedStep(new Step("a", _ => throw new InvalidOperationException("kept steps do not run")), _ => "key-a")], options: options);
        Assert.Equal(200, kept.FilesWritten);
        Assert.Equal(0, kept.FilesChanged);
    }

    [Fact]
    public void The_theme_assets_are_copied_again_only_when_a_file_of_the_assets_folder_changed()
    {
        var theme = Path.Combine(_root, "theme");
        Directory.CreateDirectory(Path.Combine(theme, "assets", "js"));
        File.WriteAllText(Path.Combine(theme, "assets", "js", "a.js"), "var a = 1;\n");
        File.WriteAllText(Path.Combine(theme, "assets", "site.css"), "body { color: black; }\n");
        var output = Path.Combine(_root, "output");
        var options = new BuildOptions { CacheDirectory = Path.Combine(_root, "cache") };
        var runs = 0;
        OutputPhase.OutputResult Build() => OutputPhase.Run(NoSite, null, new ThemeFolder(theme), output,
            [new CachedStep(new Step("assets", context => { runs++; new CopyThemeAssets().Run(context); }), StepKeys.ThemeAssets)], options: options);

        Build();
        var again = Build();
        Assert.Equal((1, 2, 0), (runs, again.FilesWritten, again.FilesChanged));

        File.AppendAllText(Path.Combine(theme, "assets", "js", "a.js"), "var b = 2;\n");
        var changed = Build();
        Assert.Equal((2, 1), (runs, changed.FilesChanged));
        Assert.Equal("var a=1;\nvar b=2;\n", File.ReadAllText(Path.Combine(output, "assets", "js", "a.js")));
    }

    static void Write(OutputContext context, string prefix, int count) =>
        Parallel.For(0, count, i => context.Writer.Write($"{prefix}/{i}.txt", [(byte)i]));

    sealed class Step(string name, Action<OutputContext> run) : IOutputStep
    {
        public string Name => name;
        public void Run(OutputContext context) => run(context);
    }
}
