using ArchiveSite.Cli.Commands;

namespace ArchiveSite.Cli;

/// <summary>Routes the first argument to a command; every command reports through its exit code.</summary>
public static class CommandRunner
{
    static readonly ICommand[] Commands =
    [
        new InspectCommand(),
        new CheckCommand(),
        new BuildCommand(),
        new ServeCommand(),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            PrintUsage();
            return args.Length == 0 ? 2 : 0;
        }
        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            Console.Error.WriteLine($"unknown command '{args[0]}'");
            PrintUsage();
            return 2;
        }
        var options = CommandLineOptions.Parse(args.AsSpan(1).ToArray());
        if (options.Error is not null)
        {
            Console.Error.WriteLine($"{command.Name}: {options.Error}");
            return 2;
        }
        return await command.RunAsync(options);
    }

    static void PrintUsage()
    {
        Console.Error.WriteLine("usage: ArchiveSite <command> [options]");
        foreach (var c in Commands)
            Console.Error.WriteLine($"  {c.Name,-10} {c.Summary}");
    }
}
