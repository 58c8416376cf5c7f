using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace ArchiveSite.Output;

/// <summary>
/// A hash of what an output folder holds as the file system tells it without reading a file: every file's path,
/// size and modification time, and every folder's path and modification time (a folder's time changes whenever an
/// entry is added to it, removed or renamed). Made from a manifest, it is what the build that wrote the manifest
/// left; made from the folder, it is what is there now. Equal, the folder is as that build left it by the same test
/// <see cref="StagedOutput"/> uses to keep a file (size and time), and holds nothing else. Each entry is hashed on
/// its own and the hashes are added up, so the order the file system lists them in does not matter.
/// </summary>
public static class OutputFingerprint
{
    /// <summary>What the build that recorded <paramref name="manifest"/> left in its output folder.</summary>
    public static string Of(OutputManifest manifest)
    {
        var sum = default(HashSum);
        foreach (var (path, entry) in manifest.Files)
            sum += Entry(path, "", entry.Length, entry.Modified);
        foreach (var (path, modified) in manifest.Folders)
            sum += Entry(path, "", FolderLength, modified);
        return Text(manifest.Files.Count + manifest.Folders.Count, sum);
    }

    /// <summary>What <paramref name="outputDirectory"/> holds now (listed by <see cref="OutputListing"/>); null when it does not exist or cannot be listed.</summary>
    public static string? OfFolder(string outputDirectory)
    {
        try
        {
            if (!Directory.Exists(outputDirectory))
                return null;
            var sum = Entry("", "", FolderLength, Directory.GetLastWriteTimeUtc(outputDirectory).Ticks);
            var count = 1;
            foreach (var entry in OutputListing.Of(outputDirectory, (ReadOnlySpan<char> folder, in OutputListing.Entry entry) =>
                         Entry(folder, entry.Name, entry.IsDirectory ? FolderLength : entry.Length, entry.Modified), folders: true))
            {
                sum += entry;
                count++;
            }
            return Text(count, sum);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A folder's entry has no size; this stands for it.</summary>
    const long FolderLength = -1;


    /// <summary>The hash of one entry, at <paramref name="folder"/>/<paramref name="name"/> (either may be empty).</summary>
    /// <remarks>Hashed in one call from the stack: an <see cref="System.IO.Hashing.XxHash128"/> object per entry was 25 MB of new memory for 45,000 files.</remarks>
    static HashSum Entry(ReadOnlySpan<char> folder, ReadOnlySpan<char> name, long length, long modified)
    {
        var separator = folder.IsEmpty || name.IsEmpty ? 0 : 1;
        var textBytes = (folder.Length + separator + name.Length) * sizeof(char);
        var size = textBytes + 2 * sizeof(long);
        byte[]? rented = null;
        var bytes = size <= 1024 ? stackalloc byte[size] : (rented = ArrayPool<byte>.Shared.Rent(size)).AsSpan(0, size);
        MemoryMarshal.AsBytes(folder).CopyTo(bytes);
        if (separator == 1)
            BinaryPrimitives.WriteUInt16LittleEndian(bytes[(folder.Length * sizeof(char))..], '/');
        MemoryMarshal.AsBytes(name).CopyTo(bytes[((folder.Length + separator) * sizeof(char))..]);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[textBytes..], length);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[(textBytes + sizeof(long))..], modified);
        var entry = HashSum.Of(bytes);
        if (rented is not null)
            ArrayPool<byte>.Shared.Return(rented);
        return entry;
    }

    static string Text(int count, HashSum sum) => $"{count}:{sum}";
}
