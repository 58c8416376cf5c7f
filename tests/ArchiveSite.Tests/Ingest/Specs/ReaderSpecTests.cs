using System.Text;
using ArchiveSite.Ingest;
using ArchiveSite.Tests.Support;

namespace ArchiveSite.Tests.Ingest.Specs;

/// <summary>Every example of every spec file in Ingest/Specs is one test case, named by its file and line.</summary>
public sealed class ReaderSpecTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var example in SpecExample.All)
            data.Add(example.Location);
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example(string location)
    {
        var example = SpecExample.All.Single(e => e.Location == location);
        var transcript = TranscriptReader.Read("example." + example.Format, Encoding.UTF8.GetBytes(example.Input));
        var actual = TranscriptOutline.Render(transcript);
        Assert.True(actual == example.Expected,
            $"{location}: the outline differs.\n--- expected ---\n{example.Expected}\n--- actual ---\n{actual}\n");
    }

    [Fact]
    public void Spec_files_hold_examples_for_each_format()
    {
        var formats = SpecExample.All.Select(e => e.Format).ToHashSet();
        Assert.Contains("md", formats);
        Assert.Contains("vtt", formats);
        Assert.Contains("srt", formats);
    }
}
