using System.Text;
using ArchiveSite.Output;

namespace ArchiveSite.Download;

/// <summary>
/// A rebuild's zip made from the last one without planning every file. Each file this build did not change is in
/// the last zip as it is, where the last zip's order put it: the zip's order is by path (<see cref="ArchiveZip.Order"/>),
/// so the new zip is the last one with the changed files put in their place and the files the site no longer has
/// taken out, found by binary search in the last zip's index. Everything before the first of them is kept
/// (<see cref="ZipLayout.KeptStart"/>); only the rest is planned. A clean build lays the same files out in the same order, so the bytes are those of a clean build.
/// </summary>
/// <param name="Kept">The last zip's start, up to the first changed entry.</param>
/// <param name="Tail">The entries after it, in zip order, the style sheet showing the zip's size left out.</param>
public sealed record ZipUpdate(ZipLayout.KeptStart Kept, List<PlannedEntry> Tail)
{
    /// <summary>
    /// The update of the last zip, which <paramref name="index"/> describes and which the last build's manifest vouches
    /// for (so the files <paramref name="staged"/> did not change are its entries, and those it no longer has are the
    /// last build's files it lacks); null when the last zip does not end with the style sheet, or does not hold what
    /// the last build's manifest says: then every file is planned.
    /// </summary>
    public static ZipUpdate? Of(StagedOutput staged, ZipIndex index)
    {
        var style = index.Count - 1;
        if (style < 0 || !index.NameBytes(style).SequenceEqual(Encoding.UTF8.GetBytes(WriteArchiveZip.EntryName(ArchiveZip.SizeFileName))))
            return null;
        var changes = staged.ChangedFiles.Where(path => !ArchiveZip.OwnFiles.Contains(path)).Select(path => Change.Find(index, style, path)).ToList();
        var unchanged = staged.FileCount - ArchiveZip.OwnFiles.Count(staged.Contains) - changes.Count;
        var replaced = changes.Count(c => c.Replaces);
        // Only when the last zip has more entries than those kept and replaced are the files gone looked for: that takes a
        // look at each of the last build's files.
        var gone = unchanged + replaced == style
            ? []
            : staged.FilesGone.Where(path => !ArchiveZip.OwnFiles.Contains(path)).Select(path => Change.Find(index, style, path)).ToHashSet();
        if (unchanged + replaced + gone.Count != style || gone.Any(g => !g.Replaces))
            return null;
        var goneAt = gone.Select(g => g.At).ToHashSet();
        changes.Sort();

        var first = Math.Min(changes.Count == 0 ? style : changes[0].At, goneAt.Count == 0 ? style : goneAt.Min());
        var planned = new PlannedEntry[changes.Count];
        Parallel.For(0, changes.Count, i => planned[i] = WriteArchiveZip.PlanWritten(staged, changes[i].Path));
        var tail = new List<PlannedEntry>(style - first + changes.Count);
        var next = 0;
        for (var at = first; at <= style; at++)
        {
            while (next < changes.Count && changes[next].At == at && !changes[next].Replaces)
                tail.Add(planned[next++]);
            if (at == style)
                break;
            if (next < changes.Count && changes[next].At == at)
                tail.Add(planned[next++]);
            else if (goneAt.Contains(at))
                continue;
            else if (index.EntryAt(at) is var old && PlannedEntry.Reuse(index.Name(at), old.Hash, old, index.ZipLength) is { } reused)
                tail.Add(reused);
            else
                return null;
        }
        return new ZipUpdate(new ZipLayout.KeptStart(index.ExtentOf(first), index.DirectoryOffset), tail);
    }

    /// <summary>
    /// A changed file and where it goes in the last zip: in place of the entry <paramref name="At"/> when
    /// <paramref name="Replaces"/>, else just before it (at the style sheet's place: after every other entry).
    /// Ordered as the files go into the new zip.
    /// </summary>
    sealed record Change(int At, bool Replaces, string Path) : IComparable<Change>
    {
        public static Change Find(ZipIndex index, int count, string path)
        {
            int low = 0, high = count;
            Span<char> buffer = stackalloc char[512];
            while (low < high)
            {
                var middle = low + (high - low) / 2;
                var name = index.NameBytes(middle)[(ArchiveZip.FolderName.Length + 1)..];
                var chars = name.Length <= buffer.Length ? buffer : new char[name.Length];
                var order = ArchiveZip.Compare(chars[..Encoding.UTF8.GetChars(name, chars)], path);
                if (order == 0)
                    return new Change(middle, true, path);
                if (order < 0)
                    low = middle + 1;
                else
                    high = middle;
            }
            return new Change(low, false, path);
        }

        public int CompareTo(Change? other) => other is null ? 1 :
            At != other.At ? At.CompareTo(other.At)
            : Replaces != other.Replaces ? Replaces.CompareTo(other.Replaces)
            : ArchiveZip.Compare(Path, other.Path);
    }
}
