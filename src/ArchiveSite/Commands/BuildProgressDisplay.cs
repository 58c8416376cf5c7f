using System.Diagnostics;
using ArchiveSite.Build;
using Spectre.Console;

namespace ArchiveSite.Cli.Commands;

/// <summary>
/// Shows a build's progress: Spectre.Console bars, one per phase and output step, on a terminal; one plain
/// line per finished phase elsewhere (CI logs, redirected output), where bars would be noise.
/// </summary>
public static class BuildProgressDisplay
{
    /// <summary>Bars only for a person watching: stderr is a terminal, not a CI run, not a dumb terminal.</summary>
    public static bool IsTerminal() =>
        !Console.IsErrorRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
        && Environment.GetEnvironmentVariable("TERM") is not ("dumb" or null or "");

    /// <summary>Runs <paramref name="build"/> with progress bars on stderr; they stay on screen when it ends.</summary>
    public static T WithBars<T>(Func<BuildProgress, T> build)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                return build((phase, done, total) =>
                {
                    lock (tasks)
                    {
                        if (!tasks.TryGetValue(phase, out var task))
                            tasks[phase] = task = context.AddTask(Markup.Escape(phase), maxValue: Math.Max(total, 1));
                        task.MaxValue = Math.Max(total, 1);
                        task.Value = total == 0 ? 1 : done;
                        if (done >= total)
                            task.StopTask();
                    }
                });
            });
    }

    /// <summary>A progress that writes "build: pages done, 12,345 in 16.64 s" once per phase as it finishes.</summary>
    public static BuildProgress PlainLines(TextWriter log)
    {
        var started = new Dictionary<string, long>(StringComparer.Ordinal);
        var finished = new HashSet<string>(StringComparer.Ordinal);
        return (phase, done, total) =>
        {
            lock (started)
            {
                started.TryAdd(phase, Stopwatch.GetTimestamp());
                if (done < total || !finished.Add(phase))
                    return;
                var elapsed = Stopwatch.GetElapsedTime(started[phase]).TotalSeconds;
                log.WriteLine(total > 1 ? $"build: {phase} done, {total:N0} in {elapsed:0.00} s" : $"build: {phase} done in {elapsed:0.00} s");
            }
        };
    }
}
