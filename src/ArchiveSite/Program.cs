using ArchiveSite.Cli;

return await CommandRunner.RunAsync(args);
