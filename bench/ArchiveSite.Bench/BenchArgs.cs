namespace ArchiveSite.Bench;

/// <summary>"--name value" options and positional arguments of one benchmark subcommand.</summary>
sealed class BenchArgs
{
    readonly Dictionary<string, string> _named = new(StringComparer.Ordinal);
    readonly List<string> _positional = [];

    public IReadOnlyList<string> Positional => _positional;

    public BenchArgs(IEnumerable<string> args)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            if (e.Current.StartsWith("--", StringComparison.Ordinal))
                _named[e.Current] = e.MoveNext() ? e.Current : "";
            else
                _positional.Add(e.Current);
        }
    }

    public string Get(string name, string fallback) => _named.GetValueOrDefault(name, fallback);
}
