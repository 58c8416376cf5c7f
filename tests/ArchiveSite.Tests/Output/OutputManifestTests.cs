using ArchiveSite.Model;
using ArchiveSite.Output;

namespace ArchiveSite.Tests.Output;

public sealed class OutputManifestTests : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("output-manifest-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    static OutputManifest Sample(string output) => new(output,
        new Dictionary<string, ManifestEntry>(StringComparer.Ordinal)
        {
            ["index.html"] = new("0123abcd", 1234, 638_000_000_000_000_000, "pages", "key-1"),
            ["cards/a é.png"] = new("4567ef01", 99, 5, "quote cards", null),
        },
        new Dictionary<string, StepRecord>(StringComparer.Ordinal)
        {
            ["pages"] = new("step-key", [new Diagnostic(Severity.Warning, "transcripts/a.md", 7, "a warning “quoted”")]),
            ["quote cards"] = new("other", []),
        });

    [Fact]
    public void Every_entry_and_step_survives_saving_and_loading()
    {
        var file = OutputManifest.FileFor(_root, Path.Combine(_root, "out"));
        var saved = Sample(Path.Combine(_root, "out"));
        saved.Save(file);

        var loaded = OutputManifest.Load(file, saved.OutputDirectory);

        Assert.NotNull(loaded);
        Assert.Equal(saved.Files, loaded.Files);
        Assert.Equal(saved.Steps.Keys, loaded.Steps.Keys);
        Assert.All(saved.Steps, s => Assert.Equal(s.Value.Diagnostics, loaded.Steps[s.Key].Diagnostics));
        Assert.All(saved.Steps, s => Assert.Equal(s.Value.Key, loaded.Steps[s.Key].Key));
    }

    [Fact]
    public void A_manifest_of_another_folder_or_damaged_or_missing_is_none()
    {
        var file = Path.Combine(_root, "m.manifest");
        Assert.Null(OutputManifest.Load(file, "/out"));
        Sample("/out").Save(file);
        Assert.NotNull(OutputManifest.Load(file, "/out"));
        Assert.Null(OutputManifest.Load(file, "/elsewhere"));

        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..^1]);
        Assert.Null(OutputManifest.Load(file, "/out"));
        File.WriteAllBytes(file, [.. bytes, 0]);
        Assert.Null(OutputManifest.Load(file, "/out"));
        File.WriteAllText(file, "{\"OutputDirectory\":\"/out\"}");
        Assert.Null(OutputManifest.Load(file, "/out"));
    }
}
