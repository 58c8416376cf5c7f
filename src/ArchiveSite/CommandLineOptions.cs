namespace ArchiveSite.Cli;

/// <summary>
/// "--name value" options, bare "--flag" switches and positional arguments. Deliberately tiny: the
/// commands take a handful of options each, and a parser library would be more code to read than this.
/// </summary>
public sealed class CommandLineOptions
{
    readonly Dictionary<string, string?> _named = new(StringComparer.Ordinal);
    readonly List<string> _positional = [];

    public IReadOnlyList<string> Positional => _positional;
    public string? Error { get; private set; }

    static readonly HashSet<string> Switches = ["--json", "--strict", "--no-open", "--plain", "--clean"];

    public static CommandLineOptions Parse(string[] args)
    {
        var options = new CommandLineOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                options._positional.Add(arg);
                continue;
            }
            var eq = arg.IndexOf('=');
            if (eq > 0)
                options._named[arg[..eq]] = arg[(eq + 1)..];
            else if (Switches.Contains(arg))
                options._named[arg] = null;
            else if (i + 1 < args.Length)
                options._named[arg] = args[++i];
            else
                options.Error = $"option {arg} needs a value";
        }
        return options;
    }

    public bool Has(string name) => _named.ContainsKey(name);

    public string Get(string name, string fallback) =>
        _named.TryGetValue(name, out var value) && value is not null ? value : fallback;
}
