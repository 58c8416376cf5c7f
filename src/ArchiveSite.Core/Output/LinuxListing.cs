using System.Runtime.InteropServices;
using System.Text;

namespace ArchiveSite.Output;

/// <summary>
/// A folder listed on 64-bit Linux with each entry asked about relative to the folder's handle (statx on the
/// readdir name), not by its full path: .NET stats every entry by its full path, made and encoded anew, and the
/// kernel walks that path from the root each time; for the 45,000 files of a 1,000-transcript site that walk was most
/// of the listing. Reports what .NET's listing reports for files and folders (size, modification time in ticks);
/// a symbolic link, or a file system that does not say a size or time, is left to .NET's (<see cref="Unsupported"/>).
/// </summary>
static unsafe class LinuxListing
{
    public static bool Available { get; } = OperatingSystem.IsLinux() && Environment.Is64BitProcess && Probe();

    /// <summary>Thrown on a folder this listing does not handle the way .NET does, so the caller lists it the .NET way.</summary>
    public sealed class Unsupported : Exception;

    /// <summary><paramref name="into"/> with what <paramref name="transform"/> made of the entries of <paramref name="path"/> (below it too with <paramref name="recurse"/>), files only unless <paramref name="folders"/>.</summary>
    public static List<T> List<T>(string path, string relative, bool recurse, bool folders, OutputListing.Transform<T> transform, List<T> into)
    {
        var dir = OpenDir(path);
        if (dir == null)
            throw new IOException($"Could not list {path} (error {Marshal.GetLastPInvokeError()}).");
        List<string>? below = null;
        try
        {
            var fd = DirFd(dir);
            var status = stackalloc byte[StatxSize];
            Span<char> name = stackalloc char[256];
            while (true)
            {
                var entry = ReadDir(dir);
                if (entry == null)
                {
                    // readdir says the end and an error alike, an error only by errno (which the call cleared).
                    if (Marshal.GetLastPInvokeError() is not 0 and var error)
                        throw new IOException($"Could not list {path} (error {error}).");
                    break;
                }
                var utf8 = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(entry + NameOffset);
                if (utf8 is [(byte)'.'] or [(byte)'.', (byte)'.'])
                    continue;
                if (Statx(fd, entry + NameOffset, AtSymlinkNoFollow, Wanted, status) != 0)
                    throw new IOException($"Could not read {path}/{Encoding.UTF8.GetString(utf8)} (error {Marshal.GetLastPInvokeError()}).");
                var type = *(ushort*)(status + ModeOffset) & FileTypeMask;
                if (type == SymbolicLink || (*(uint*)status & Wanted) != Wanted)
                    throw new Unsupported();
                var isDirectory = type == DirectoryType;
                var chars = name[..Encoding.UTF8.GetChars(utf8, name)];
                if (isDirectory && recurse)
                    (below ??= []).Add(chars.ToString());
                if (isDirectory && !folders)
                    continue;
                // As .NET turns seconds and nanoseconds since 1970 into a DateTimeOffset.
                var modified = DateTime.UnixEpoch.Ticks + *(long*)(status + MtimeOffset) * TimeSpan.TicksPerSecond
                                                         + *(uint*)(status + MtimeOffset + 8) / 100;
                into.Add(transform(relative, new OutputListing.Entry(chars, isDirectory, isDirectory ? 0 : *(long*)(status + SizeOffset), modified)));
            }
        }
        finally
        {
            CloseDir(dir);
        }
        foreach (var folder in below ?? [])
            List(path + "/" + folder, relative.Length == 0 ? folder : relative + "/" + folder, recurse, folders, transform, into);
        return into;
    }

    /// <summary>Whether this libc has what the listing calls (statx came with glibc 2.28).</summary>
    static bool Probe()
    {
        try
        {
            var status = stackalloc byte[StatxSize];
            var dot = stackalloc byte[] { (byte)'/', 0 };
            return Statx(AtFdCwd, dot, 0, WantType, status) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // struct dirent of 64-bit Linux (glibc and musl): d_ino, d_off, d_reclen, d_type, then the name.
    const int NameOffset = 19;

    // struct statx, the same on every Linux architecture.
    const int StatxSize = 256;
    const int ModeOffset = 28;
    const int SizeOffset = 40;
    const int MtimeOffset = 112;
    const uint WantType = 0x1, Wanted = WantType | 0x40 | 0x200; // and the modification time and size
    const int FileTypeMask = 0xF000, DirectoryType = 0x4000, SymbolicLink = 0xA000;
    const int AtSymlinkNoFollow = 0x100, AtFdCwd = -100;

    [DllImport("libc", EntryPoint = "opendir", SetLastError = true)]
    static extern void* OpenDir([MarshalAs(UnmanagedType.LPUTF8Str)] string path);

    [DllImport("libc", EntryPoint = "dirfd")]
    static extern int DirFd(void* dir);

    [DllImport("libc", EntryPoint = "readdir", SetLastError = true)]
    static extern byte* ReadDir(void* dir);

    [DllImport("libc", EntryPoint = "closedir")]
    static extern int CloseDir(void* dir);

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    static extern int Statx(int dirfd, byte* path, int flags, uint mask, byte* status);
}
