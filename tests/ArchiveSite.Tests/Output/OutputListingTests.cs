using ArchiveSite.Output;

namespace ArchiveSite.Tests.Output;

/// <summary>
/// The Linux listing (<see cref="LinuxListing"/>) asks about entries relative to their folder; the no-change check and
/// the keep test rely on it reporting every entry exactly as .NET's listing does (name, folder, size, time).
/// </summary>
public sealed class OutputListingTests : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("archivesite-listing-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    static List<string> Entries(string root, bool folders, bool? linux) =>
    [
        .. (linux is { } through
                ? OutputListing.Listed(root, Describe, folders, through)
                : OutputListing.Of(root, Describe, folders))
            .Order(StringComparer.Ordinal),
    ];

    static string Describe(ReadOnlySpan<char> folder, in OutputListing.Entry entry) =>
        $"{folder}|{entry.Name}|{entry.IsDirectory}|{(entry.IsDirectory ? -1 : entry.Length)}|{entry.Modified}";

    void Write(string path, string text, DateTime modified)
    {
        var full = Path.Combine(_root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        File.SetLastWriteTimeUtc(full, modified);
    }

    void MakeSite()
    {
        Write("index.html", "<p>home</p>", new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc).AddTicks(1234567));
        Write(".hidden", "", new DateTime(1999, 12, 31, 23, 59, 59, DateTimeKind.Utc));
        Write("quotes/q-1.html", new string('x', 5000), new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(9999999));
        Write("quotes/cards/q-1.png", "png", DateTime.UtcNow);
        Write("speakers/zoë-ñandú 話.html", "unicode", new DateTime(2020, 2, 29, 0, 0, 0, DateTimeKind.Utc));
        Directory.CreateDirectory(Path.Combine(_root, "empty", "deeper"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_linux_listing_reports_what_the_dotnet_listing_does(bool folders)
    {
        if (!LinuxListing.Available)
            return;
        MakeSite();
        var dotnet = Entries(_root, folders, linux: false);
        Assert.Equal(dotnet, Entries(_root, folders, linux: true));
        Assert.Contains(dotnet, e => e.StartsWith("speakers|zoë-ñandú 話.html|False|7|", StringComparison.Ordinal));
        Assert.Equal(folders ? 10 : 5, dotnet.Count);
    }

    [Fact]
    public void A_folder_with_a_symbolic_link_is_listed_as_dotnet_lists_it()
    {
        MakeSite();
        File.CreateSymbolicLink(Path.Combine(_root, "quotes", "link.html"), Path.Combine(_root, "index.html"));
        var listed = Entries(_root, folders: true, linux: null);
        Assert.Equal(Entries(_root, folders: true, linux: false), listed);
        Assert.Contains(listed, e => e.StartsWith("quotes|link.html|False|", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_folder_throws()
    {
        Assert.ThrowsAny<IOException>(() => Entries(Path.Combine(_root, "gone"), folders: true, linux: null));
    }
}
