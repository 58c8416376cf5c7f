using System.Text;

namespace ArchiveSite.Search;

/// <summary>A file of the search output, path relative to the site root with '/' separators, its bytes UTF-8. Equal files have equal bytes.</summary>
/// <param name="Key">What the file is made from, when the output may keep it next build (see <see cref="Output.StagedOutput.TryKeep"/>).</param>
public sealed record SearchFile(string Path, byte[] Bytes, string? Key = null)
{
    public SearchFile(string path, string content, string? key = null) : this(path, Encoding.UTF8.GetBytes(content), key)
    {
    }

    public string Content => Encoding.UTF8.GetString(Bytes);

    public bool Equals(SearchFile? other) =>
        other is not null && Path == other.Path && Key == other.Key && Bytes.AsSpan().SequenceEqual(other.Bytes);

    public override int GetHashCode() => HashCode.Combine(Path, Key, Bytes.Length);
}
