namespace ArchiveSite.Cli.Commands;

public interface ICommand
{
    string Name { get; }
    string Summary { get; }
    Task<int> RunAsync(CommandLineOptions options);
}
