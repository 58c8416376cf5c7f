namespace ArchiveSite.Cli.Commands;

/// <summary>Shows how one transcript was read: a summary, or the whole parse as JSON with --json.</summary>
public sealed class InspectCommand : ICommand
{
    public string Name => "inspect";
    public string Summary => "inspect FILE [--json]: show how a transcript was read";

    public Task<int> RunAsync(CommandLineOptions options)
    {
        Console.Error.WriteLine("inspect: not implemented yet");
        return Task.FromResult(1);
    }
}
