namespace ArchiveSite.Build;

/// <summary>The optional strings and lists of the build cache's binary formats, as <see cref="CacheBytesReader"/> reads them back.</summary>
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
}
