namespace ArchiveSite.Build;

/// <summary>
/// How far a phase or output step is: <paramref name="done"/> of <paramref name="total"/> items; done equals
/// total once it has finished. Called from any thread, often.
/// </summary>
public delegate void BuildProgress(string phase, int done, int total);

/// <summary>How a build runs; the default builds quietly and lets warnings through.</summary>
public sealed record BuildOptions
{
    public static BuildOptions Default { get; } = new();

    /// <summary>Warnings count as errors: the build fails and the output folder stays as it was.</summary>
    public bool Strict { get; init; }

    public BuildProgress? Progress { get; init; }

    /// <summary>
    /// The build cache kept across builds (parsed transcripts, the output manifest, cards, compressed files);
    /// null for <see cref="Output.OutputContext.DefaultCacheDirectory"/>.
    /// </summary>
    public string? CacheDirectory { get; init; }
}

/// <summary>Counts finished items of one phase from parallel workers and reports each to the build's progress.</summary>
public sealed class ProgressCounter
{
    readonly Action<int, int>? _report;
    readonly int _total;
    int _done;

    public ProgressCounter(Action<int, int>? report, int total)
    {
        _report = report;
        _total = total;
        report?.Invoke(0, total);
    }

    public ProgressCounter(BuildProgress? progress, string phase, int total)
        : this(progress is null ? null : (done, all) => progress(phase, done, all), total)
    {
    }

    public void Done() => _report?.Invoke(Interlocked.Increment(ref _done), _total);
}
