if (args is ["cards", ..]) return ArchiveSite.Bench.CardsBenchmark.Run(args[1..]);
Console.WriteLine("Hello, World!");
return 0;
