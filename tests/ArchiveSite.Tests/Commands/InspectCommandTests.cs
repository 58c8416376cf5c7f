using System.Text.Json;
using ArchiveSite.Cli;
using ArchiveSite.Cli.Commands;

namespace ArchiveSite.Tests.Commands;

public sealed class InspectCommandTests : IDisposable
{
    const string Markdown = """
        ---
        title: 'A <b>bold</b> "talk"'
        date: 2024-05-29
        series: Talks
        episode: 7
        speakers:
          - name: Ann Lee
            credentials: PhD
            labels: [Dr. Lee]
        quotes:
          - text: We build archives.
            speaker: Ann Lee
        ---
        ## Opening

        **Dr. Lee:** \[00:01:02\] We build archives.

        **Bob:** Why?

        **Break**: \[10:00\]

        ## Close

        **Dr. Lee:** Because words matter.
        """;

    readonly string _folder = Directory.CreateTempSubdirectory("archivesite-inspect-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    async Task<(int Exit, string Output)> Inspect(params string[] args)
    {
        var output = new StringWriter();
        var exit = await new InspectCommand(output).RunAsync(CommandLineOptions.Parse(args));
        return (exit, output.ToString());
    }

    string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Summary_shows_metadata_speakers_sections_removed_lines_and_turn_counts()
    {
        var (exit, output) = await Inspect(Write("talk.md", Markdown));

        Assert.Equal(0, exit);
        Assert.Contains("title:    A <b>bold</b> \"talk\"", output);
        Assert.Contains("series:   Talks", output);
        Assert.Contains("episode:  7", output);
        Assert.Contains("date:     2024-05-29", output);
        Assert.Contains("reader:   Markdown (utf-8)", output);
        Assert.Contains("  ann-lee: Ann Lee (PhD)  turns: 2  labels: Dr. Lee", output);
        Assert.Contains("  bob: Bob  turns: 1  labels: Bob", output);
        Assert.Contains("line 14: Opening  turns: 2", output);
        Assert.Contains("line 22: Close  turns: 1", output);
        Assert.Contains("  line 11: \"We build archives.\"  (ann-lee, turn 1 in 'Opening')", output);
        Assert.Contains("  break: 1\n    line 20: Break: [10:00]", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Json_has_exactly_the_documented_shape()
    {
        var (exit, output) = await Inspect(Write("talk.md", Markdown), "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["title", "series", "date", "episode", "speakers", "sections", "quotes", "removed", "diagnostics"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("A <b>bold</b> \"talk\"", root.GetProperty("title").GetString());
        Assert.Equal("2024-05-29", root.GetProperty("date").GetString());
        Assert.Equal("7", root.GetProperty("episode").GetString());

        var speaker = root.GetProperty("speakers")[0];
        Assert.Equal(["id", "name", "credentials", "labels"], speaker.EnumerateObject().Select(p => p.Name));
        Assert.Equal("PhD", speaker.GetProperty("credentials").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("speakers")[1].GetProperty("credentials").ValueKind);

        var section = root.GetProperty("sections")[0];
        Assert.Equal(["heading", "turns"], section.EnumerateObject().Select(p => p.Name));
        var turn = section.GetProperty("turns")[0];
        Assert.Equal(["speaker", "start", "paragraphs"], turn.EnumerateObject().Select(p => p.Name));
        Assert.Equal("ann-lee", turn.GetProperty("speaker").GetString());
        Assert.Equal("00:01:02", turn.GetProperty("start").GetString());
        Assert.Equal(JsonValueKind.Null, section.GetProperty("turns")[1].GetProperty("start").ValueKind);
        Assert.Equal("We build archives.", turn.GetProperty("paragraphs")[0].GetString());

        var quote = root.GetProperty("quotes")[0];
        Assert.Equal(["text", "speaker", "section", "turn"], quote.EnumerateObject().Select(p => p.Name));
        var removed = root.GetProperty("removed")[0];
        Assert.Equal(["line", "kind", "text"], removed.EnumerateObject().Select(p => p.Name));
        Assert.Equal(20, removed.GetProperty("line").GetInt32());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("diagnostics").ValueKind);
        // Escaped for embedding anywhere: no raw angle brackets from the transcript reach the JSON.
        Assert.DoesNotContain("<b>", output);
    }

    [Fact]
    public async Task Json_is_deterministic()
    {
        var path = Write("talk.md", Markdown);

        Assert.Equal((await Inspect(path, "--json")).Output, (await Inspect(path, "--json")).Output);
    }

    [Fact]
    public async Task Errors_give_exit_code_1_and_are_listed_with_file_and_line()
    {
        var path = Write("broken.md", "---\ntitle: [unclosed\n\n**Ann:** Hi.\n");

        var (exit, output) = await Inspect(path);

        Assert.Equal(1, exit);
        Assert.Contains($"{path}:1: error: the front matter opened by '---' is never closed", output);
        var (jsonExit, json) = await Inspect(path, "--json");
        Assert.Equal(1, jsonExit);
        Assert.Contains("\"severity\": \"error\"", json);
    }

    [Fact]
    public async Task Empty_file_is_an_error_and_missing_argument_is_a_usage_error()
    {
        Assert.Equal(1, (await Inspect(Write("empty.vtt", ""))).Exit);
        Assert.Equal(2, (await Inspect()).Exit);
    }

    [Fact]
    public async Task The_command_runner_routes_inspect()
    {
        var path = Write("empty.srt", "");

        Assert.Equal(1, await CommandRunner.RunAsync(["inspect", path, "--json"]));
    }
}
