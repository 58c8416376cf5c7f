if (args.Length > 0 && args[0] == "lunr")
    return ArchiveSite.Bench.LunrBenchmark.Run(args[1..]);
Console.WriteLine("Hello, World!");
return 0;
