namespace ArchiveSite.Checking;

/// <summary>One thing wrong with a built site, in the file (relative to the site root, '/'-separated) where it shows.</summary>
public sealed record SiteProblem(string File, string Message)
{
    public override string ToString() => $"{File}: {Message}";
}
