using ArchiveSite.Bench;

// bench <subcommand> [args]. Each benchmark is one file with a Run(BenchArgs) and a usage line; add it here.
var subcommands = new Dictionary<string, (string Usage, Func<BenchArgs, int> Run)>
{
    ["generate"] = (GenerateCommand.Usage, GenerateCommand.Run),
    ["read"] = (ReadBenchmark.Usage, ReadBenchmark.Run),
    ["build"] = (BuildBenchmark.Usage, BuildBenchmark.Run),
    ["cards"] = (CardsBenchmark.Usage, CardsBenchmark.Run),
    ["card-png"] = (CardPngBenchmark.Usage, CardPngBenchmark.Run),
    ["archive-cards"] = (ArchiveCardsBenchmark.Usage, ArchiveCardsBenchmark.Run),
    ["search-size"] = (SearchSizeBenchmark.Usage, SearchSizeBenchmark.Run),
    ["search-step"] = (SearchStepBenchmark.Usage, SearchStepBenchmark.Run),
    ["pipeline-step"] = (PipelineStepBenchmark.Usage, PipelineStepBenchmark.Run),
    ["search-browser"] = (SearchBrowserBenchmark.Usage, SearchBrowserBenchmark.Run),
    ["lunr"] = (LunrBenchmark.Usage, LunrBenchmark.Run),
    ["zip"] = (ZipBenchmark.Usage, ZipBenchmark.Run),
    ["listing"] = (ListingBenchmark.Usage, ListingBenchmark.Run),
    ["export-markdown"] = (ExportMarkdownCommand.Usage, ExportMarkdownCommand.Run),
};

if (args.Length == 0 || !subcommands.TryGetValue(args[0], out var subcommand))
{
    Console.Error.WriteLine("usage: bench <subcommand> [args]");
    foreach (var (name, (usage, _)) in subcommands)
        Console.Error.WriteLine($"  {usage}");
    return 2;
}
return subcommand.Run(new BenchArgs(args.Skip(1)));
