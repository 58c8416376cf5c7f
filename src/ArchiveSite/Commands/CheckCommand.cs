using ArchiveSite.Checking;

namespace ArchiveSite.Cli.Commands;

/// <summary>Validates a built site before it is published; exits 0 only when nothing is wrong.</summary>
public sealed class CheckCommand : ICommand
{
    public string Name => "check";
    public string Summary => "check [--output DIR]: verify pages parse, links and anchors resolve, nothing loads from the network";

    public Task<int> RunAsync(CommandLineOptions options)
    {
        var output = options.Get("--output", "output");
        var problems = SiteChecker.Check(output);
        foreach (var problem in problems)
            Console.WriteLine(problem);
        if (problems.Count > 0)
        {
            Console.Error.WriteLine($"check: {problems.Count} problem{(problems.Count == 1 ? "" : "s")} in {output}");
            return Task.FromResult(1);
        }
        Console.Error.WriteLine($"check: {output} is fine");
        return Task.FromResult(0);
    }
}
