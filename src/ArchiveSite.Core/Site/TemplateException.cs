namespace ArchiveSite.Site;

/// <summary>A layout that does not parse or fails while rendering, located in its file.</summary>
public sealed class TemplateException(string file, int line, string message) : Exception($"{file}:{line}: {message}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Problem { get; } = message;
}
