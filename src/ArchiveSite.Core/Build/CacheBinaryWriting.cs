using ArchiveSite.Model;

namespace ArchiveSite.Build;

/// <summary>The optional strings, lists and diagnostics of the build cache's binary formats, as <see cref="CacheBytesReader"/> reads them back.</summary>
public static class CacheBinaryWriting
{
    public static void WriteOptional(this BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
            writer.Write(value);
    }

    public static void WriteList<T>(this BinaryWriter writer, IReadOnlyCollection<T> items, Action<T> write)
    {
        writer.Write(items.Count);
        foreach (var item in items)
            write(item);
    }

    public static void WriteDiagnostics(this BinaryWriter writer, IReadOnlyCollection<Diagnostic> diagnostics) =>
        writer.WriteList(diagnostics, diagnostic =>
        {
            writer.Write((int)diagnostic.Severity);
            writer.Write(diagnostic.File);
            writer.Write(diagnostic.Line);
            writer.Write(diagnostic.Message);
        });
}
