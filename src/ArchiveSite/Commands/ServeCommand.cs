using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArchiveSite.Cli.Commands;

/// <summary>
/// Builds, serves the output on 127.0.0.1, rebuilds when input/ or theme/ changes, and reloads open pages.
/// The reload script is added to pages as they are served; the built files never contain it.
/// </summary>
public sealed class ServeCommand : ICommand
{
    const string EventsPath = "/__archivesite/events";
    const string ReloadScript =
        "<script>new EventSource(\"" + EventsPath + "\").onmessage = function () { location.reload(); };</script>";
    static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    public string Name => "serve";
    public string Summary => "serve [--port N] [--input DIR] [--output DIR] [--theme DIR]: build, serve on 127.0.0.1, rebuild and reload on change";

    public async Task<int> RunAsync(CommandLineOptions options)
    {
        if (!int.TryParse(options.Get("--port", "8080"), out var port) || port is < 1 or > 65535)
        {
            Console.Error.WriteLine("serve: --port needs a number from 1 to 65535");
            return 2;
        }
        var paths = SitePaths.From(options);
        if (!BuildCommand.Run(paths) && !Directory.Exists(paths.Output))
            return 1;
        await ServeAsync(paths, port, CancellationToken.None);
        return 0;
    }

    /// <summary>Serves the built output and rebuilds on change until <paramref name="stop"/> is cancelled (or Ctrl+C).</summary>
    public static async Task ServeAsync(SitePaths paths, int port, CancellationToken stop)
    {
        var reload = new ReloadSignal();
        using var watcher = new SourceWatcher(paths, () =>
        {
            if (BuildCommand.Run(paths))
                reload.Fire();
        });

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        await using var app = builder.Build();
        app.Run(context => context.Request.Path == EventsPath
            ? StreamReloads(context, reload, app.Lifetime.ApplicationStopping)
            : ServeFile(context, paths.Output));
        await app.StartAsync(stop);
        Console.Error.WriteLine($"serve: http://127.0.0.1:{port}/index.html (Ctrl+C to stop)");
        await app.WaitForShutdownAsync(stop);
    }

    static async Task StreamReloads(HttpContext context, ReloadSignal reload, CancellationToken stopping)
    {
        using var gone = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.WriteAsync(": connected\n\n");
        await context.Response.Body.FlushAsync();
        try
        {
            while (true)
            {
                await reload.WaitAsync(gone.Token);
                await context.Response.WriteAsync("data: reload\n\n");
                await context.Response.Body.FlushAsync();
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away or the server is stopping; the stream just ends.
        }
    }

    static async Task ServeFile(HttpContext context, string outputRoot)
    {
        var relative = Uri.UnescapeDataString(context.Request.Path.Value ?? "/").TrimStart('/');
        if (relative.Length == 0 || relative.EndsWith('/'))
            relative += "index.html";
        var file = Path.GetFullPath(Path.Combine(outputRoot, relative));
        if (!file.StartsWith(outputRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(file))
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("not found: " + relative);
            return;
        }
        context.Response.Headers.CacheControl = "no-store";
        if (file.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(WithReloadScript(await File.ReadAllTextAsync(file)), Encoding.UTF8);
            return;
        }
        context.Response.ContentType = new FileExtensionContentTypeProvider().TryGetContentType(file, out var type) ? type : "application/octet-stream";
        await context.Response.SendFileAsync(file);
    }

    static string WithReloadScript(string html)
    {
        var body = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return body < 0 ? html + ReloadScript : html.Insert(body, ReloadScript + "\n");
    }

    /// <summary>Completes every waiting page's task when a rebuild succeeded.</summary>
    sealed class ReloadSignal
    {
        TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task WaitAsync(CancellationToken cancel) => Volatile.Read(ref _next).Task.WaitAsync(cancel);

        public void Fire() =>
            Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Watches input/ and theme/ (not node_modules) and calls back once changes have been quiet for a moment.</summary>
    sealed class SourceWatcher : IDisposable
    {
        readonly List<FileSystemWatcher> _watchers = [];
        readonly Timer _timer;
        readonly Lock _gate = new();

        public SourceWatcher(SitePaths paths, Action rebuild)
        {
            _timer = new Timer(_ =>
            {
                lock (_gate)
                    rebuild();
            });
            foreach (var folder in new[] { paths.Input, paths.Theme }.Where(Directory.Exists))
            {
                var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true };
                watcher.Changed += (_, e) => Changed(e.FullPath);
                watcher.Created += (_, e) => Changed(e.FullPath);
                watcher.Deleted += (_, e) => Changed(e.FullPath);
                watcher.Renamed += (_, e) => Changed(e.FullPath);
                watcher.EnableRaisingEvents = true;
                _watchers.Add(watcher);
            }
        }

        void Changed(string path)
        {
            if (path.Contains($"{Path.DirectorySeparatorChar}node_modules", StringComparison.Ordinal))
                return;
            Console.Error.WriteLine($"serve: changed {path}; rebuilding");
            _timer.Change(Quiet, Timeout.InfiniteTimeSpan);
        }

        public void Dispose()
        {
            foreach (var watcher in _watchers)
                watcher.Dispose();
            _timer.Dispose();
        }
    }
}
