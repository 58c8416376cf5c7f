namespace ArchiveSite.Model;

public enum Severity { Info, Warning, Error }

/// <summary>Something a maintainer should know about an input, located well enough to act on.</summary>
public sealed record Diagnostic(Severity Severity, string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Severity.ToString().ToLowerInvariant()}: {Message}";
}
