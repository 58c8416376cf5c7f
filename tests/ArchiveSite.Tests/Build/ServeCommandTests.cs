using System.Net;
using System.Net.Sockets;
using ArchiveSite.Cli.Commands;
using ArchiveSite.Tests.Support;

namespace ArchiveSite.Tests.Build;

public sealed class ServeCommandTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "archivesite-serve-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Serve_adds_the_reload_script_only_when_serving_and_signals_a_reload_after_a_change_is_rebuilt()
    {
        var input = Path.Combine(_root, "input");
        Directory.CreateDirectory(Path.Combine(input, "transcripts"));
        var transcript = Path.Combine(input, "transcripts", "talk.md");
        File.WriteAllText(transcript, "---\ntitle: First Title\n---\n\n**Ana:** Hello.\n\n**Ben:** Hello, Ana.\n");
        var paths = new SitePaths(input, Path.Combine(_root, "output"), Path.Combine(RepoPaths.Root, "theme"));
        Assert.True(BuildCommand.Run(paths));
        var port = FreePort();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var serving = ServeCommand.ServeAsync(paths, port, stop.Token);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };

        var served = await Eventually(() => http.GetStringAsync("transcripts/talk.html"));
        Assert.Contains("First Title", served);
        Assert.Contains("EventSource", served);
        Assert.DoesNotContain("EventSource", File.ReadAllText(Path.Combine(paths.Output, "transcripts", "talk.html")));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("missing.html")).StatusCode);

        using var events = new StreamReader(await http.GetStreamAsync("__archivesite/events"));
        Assert.Equal(": connected", await events.ReadLineAsync());
        await events.ReadLineAsync();
        File.WriteAllText(transcript, "---\ntitle: Second Title\n---\n\n**Ana:** Hello.\n\n**Ben:** Hello, Ana.\n");
        Assert.Equal("data: reload", await events.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("Second Title", await http.GetStringAsync("transcripts/talk.html"));

        await stop.CancelAsync();
        await serving;
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static async Task<string> Eventually(Func<Task<string>> request)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await request();
            }
            catch (HttpRequestException) when (attempt < 50)
            {
                await Task.Delay(200);
            }
        }
    }
}
