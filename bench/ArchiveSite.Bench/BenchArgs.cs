namespace ArchiveSite.Bench;

/// <summary>"--name value" options and positional arguments of one benchmark subcommand.</summary>
sealed class BenchArgs
{
    readonly Dictionary<string, string> _named = new(StringComparer.Ordinal);
    readonly List<string> _positional = [];

    public IReadOnlyList<string> Positional => _positional;

    public BenchArgs(IEnumerable<string> args)
    {
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (!IsName(list[i]))
                _positional.Add(list[i]);
            // A name followed by another name, or by nothing, is a switch.
            else if (i + 1 < list.Count && !IsName(list[i + 1]))
                _named[list[i]] = list[++i];
            else
                _named[list[i]] = "";
        }
    }

    public string Get(string name, string fallback) => _named.GetValueOrDefault(name, fallback);

    public bool Has(string name) => _named.ContainsKey(name);

    static bool IsName(string arg) => arg.StartsWith("--", StringComparison.Ordinal);
}
