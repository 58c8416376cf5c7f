using System.Buffers;
using ArchiveSite.Model;
using ArchiveSite.Output;
using Microsoft.Win32.SafeHandles;

namespace ArchiveSite.Download;

/// <summary>
/// The last output step: zips the whole staged site into <c>archive.zip</c> for offline reading, and writes the
/// style sheet that shows its size in every page's footer (<see cref="DownloadSize"/>). Every file is planned in
/// parallel: an entry the last build's zip holds for the same content (per the <see cref="ZipIndex"/> in the
/// build cache) is copied from that zip; a text file this build wrote was deflated as it was written (see
/// <see cref="Prepare"/>), any other text file is read and deflated in memory; an image is copied from the
/// site when the zip is written (in the kernel, when the build that wrote it gave its CRC). The style sheet is the zip's last entry and stored, so the zip's size for any
/// size text is arithmetic: the size is settled without writing anything, then the zip is laid out and written
/// in parallel (<see cref="ZipLayout"/>). When the size lands just under what the text says, the zip's comment
/// pads it up to it. When the zip's first entries sit where the last zip has them (the rarely changed come first,
/// see <see cref="ArchiveZip.Order"/>), only the zip's end is staged and the commit appends it to that start, kept in
/// place (<see cref="StagedOutput.WriteFileTail"/>): on one changed transcript of 1,000, only the zip from the first of
/// its own pages on is staged and then appended, where a whole new zip was 337 MB copied.
/// </summary>
public sealed class WriteArchiveZip : IOutputStep
{
    const int MaxRounds = 4;

    /// <summary>The size text of the first guess, before the size is known.</summary>
    const string Placeholder = "zip";

    public string Name => "download";

    /// <summary>Text is deflated as the steps before write it (<see cref="Pack"/>), so the zip need not read it back.</summary>
    public void Prepare(IOutputWriter writer)
    {
        if (writer is StagedOutput staged)
            staged.Packer = Pack;
    }

    /// <summary>A text file of the site deflated as the zip holds it, made while the step that writes it has its bytes.</summary>
    static object? Pack(string path, ReadOnlySpan<byte> bytes) =>
        CompressedFile.ShouldDeflate(path) && !ArchiveZip.OwnFiles.Contains(path) ? new PackedText(bytes.Length, CompressedFile.DeflateAs(path, bytes)) : null;

    public void Run(OutputContext context)
    {
        // Only a site staged on disk can be zipped; writers that keep pages elsewhere (tests) get no download.
        if (context.Writer is not StagedOutput staged)
            return;
        var previousPath = Path.Combine(staged.OutputDirectory, ArchiveZip.FileName);
        var indexFile = ZipIndex.FileFor(context.CacheDirectory, staged.OutputDirectory);
        var index = ZipIndex.Load(indexFile, previousPath);
        using var previous = index is null ? null : OpenPrevious(previousPath);

        // When the output folder's zip is the one the index describes and the last build's manifest vouches for, every
        // file this build did not change is in it as it is: only the changed ones need planning (ZipUpdate).
        var update = previous is not null && staged.KeptLengthOf(ArchiveZip.FileName) == index!.ZipLength ? ZipUpdate.Of(staged, index) : null;
        var kept = update?.Kept;
        IReadOnlyList<PlannedEntry> plans = update is null ? PlanAll(context, staged, previous is null ? null : index) : update.Tail;
        var extent = kept?.Extent ?? ZipWriter.Extent.Empty;
        foreach (var plan in plans)
            extent = extent.Add(plan.NameLength, plan.CompressedLength);
        if (Settle(extent) is not var (shown, padding))
        {
            context.Report(new Diagnostic(Severity.Error, ArchiveZip.FileName, 1, $"the download's size did not settle after {MaxRounds} rounds"));
            return;
        }
        var style = DownloadSize.Style(shown);
        staged.Write(ArchiveZip.SizeFileName, style);
        var entries = plans.Append(SizeEntry(style)).ToList();
        var comment = new string(' ', padding);
        var layout = new ZipLayout(entries, comment, kept);
        if (ArchiveZip.FormatSize(layout.Length) != shown)
            throw new InvalidOperationException($"the download has {layout.Length} bytes, which is not the {shown} its pages show");

        uint[]? crcs = null;
        // What the zip's bytes are made of: every file's path and content (its order follows from the paths) and the comment.
        // The step's key names the files (StepKeys.Download): hashing 45,000 of them again cost a rebuild as much again.
        var files = context.StepKey ?? SiteFingerprint.Of(staged, ArchiveZip.OwnFiles);
        var description = ContentHash.OfParts([ZipIndex.Version, comment, files]);
        // The index describes the zip the output folder holds, so it is written once the zip is there.
        var keptCount = kept?.Extent.Count ?? 0;
        Action<FileInfo> committed = zip => SaveIndex(indexFile, zip, index, keptCount, entries, crcs!);
        var keptEntries = kept is null && previous is not null ? layout.KeptEntries() : 0;
        if (kept is { Extent.EntriesLength: > 0 })
            staged.WriteFileTail(ArchiveZip.FileName, description, kept.Extent.EntriesLength, tail => WriteZip(tail, 0), committed);
        else if (keptEntries > 0 && staged.KeptLengthOf(ArchiveZip.FileName) is not null)
            staged.WriteFileTail(ArchiveZip.FileName, description, layout.OffsetOf(keptEntries), tail => WriteZip(tail, keptEntries), committed);
        else
            staged.WriteFile(ArchiveZip.FileName, description, file => WriteZip(file, 0), committed);

        void WriteZip(string file, int first)
        {
            using var output = File.OpenHandle(file, FileMode.Create, FileAccess.Write, FileShare.None);
            crcs = layout.Write(output, previous, first);
        }
    }

    /// <summary>Every file of the site in zip order, planned: copied from the last zip where it holds the same content (<paramref name="index"/>).</summary>
    static PlannedEntry[] PlanAll(OutputContext context, StagedOutput staged, ZipIndex? index) =>
        Plan(context, staged, ArchiveZip.Order(staged.FilesInAnyOrder.Where(p => !ArchiveZip.OwnFiles.Contains(p))).ToList(), index);

    internal static string EntryName(string path) => $"{ArchiveZip.FolderName}/{path}";

    static SafeFileHandle? OpenPrevious(string path)
    {
        try
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The style sheet as the zip's last entry, stored: its length, and so the zip's, is plain arithmetic in the size text.</summary>
    static PlannedEntry SizeEntry(byte[] style) =>
        new(EntryName(ArchiveZip.SizeFileName), ContentHash.Of(style), false, System.IO.Hashing.Crc32.HashToUInt32(style), style.Length, style.Length,
            new InMemory(style));

    /// <summary>Plans every file in parallel: copied from the last zip when it holds the same content, else read and compressed or stored.</summary>
    static PlannedEntry[] Plan(OutputContext context, StagedOutput staged, List<string> paths, ZipIndex? index)
    {
        var plans = new PlannedEntry[paths.Count];
        var done = 0;
        Parallel.For(0, paths.Count, i =>
        {
            var (path, name, hash) = (paths[i], EntryName(paths[i]), staged.HashOf(paths[i]));
            plans[i] = (index is not null && index.Entries.TryGetValue(name, out var old) && old.Hash == hash
                           ? PlannedEntry.Reuse(name, hash, old, index.ZipLength)
                           : null)
                       ?? PlanWritten(staged, path);
            context.ReportProgress(Interlocked.Increment(ref done), paths.Count);
        });
        return plans;
    }

    /// <summary>A file as this build has it: deflated as it was written, or read now.</summary>
    internal static PlannedEntry PlanWritten(StagedOutput staged, string path)
    {
        var (name, hash) = (EntryName(path), staged.HashOf(path));
        return staged.PackedOf(path) is PackedText packed
            ? PlannedEntry.FromPacked(name, hash, staged.Crc32Of(path) ?? throw new InvalidOperationException($"'{path}' was packed without its CRC"), packed)
            : PlanNew(name, hash, staged.PathOf(path), staged.Crc32Of(path));
    }

    static PlannedEntry PlanNew(string name, string hash, string path, uint? crc32) =>
        CompressedFile.ShouldDeflate(name)
            ? WithContent(path, content => PlannedEntry.InMemory(name, hash, content))
            : PlannedEntry.FromSiteFile(name, hash, path, new FileInfo(path).Length, crc32);

    /// <summary>
    /// Reads a file into a pooled buffer for <paramref name="use"/>, which must not keep it: a site's worth of files
    /// allocated one by one costs more than compressing them.
    /// </summary>
    static T WithContent<T>(string path, Func<ReadOnlySpan<byte>, T> use)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = checked((int)RandomAccess.GetLength(file));
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            for (var read = 0; read < length;)
            {
                var got = RandomAccess.Read(file, buffer.AsSpan(read, length - read), read);
                if (got == 0)
                    throw new IOException($"'{path}' ended after {read} of {length} bytes");
                read += got;
            }
            return use(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The size text the pages show and the comment padding that makes the zip show it, for a zip of the entries
    /// <paramref name="before"/> measures and the style sheet; null when no guess holds.
    /// The first guess must come from this site alone (not, say, the last build's download): sizes near a rounding
    /// boundary can have two fixed points, and an incremental build must settle on the same one as a clean build.
    /// </summary>
    static (string Shown, int Padding)? Settle(ZipWriter.Extent before)
    {
        var styleName = System.Text.Encoding.UTF8.GetByteCount(EntryName(ArchiveZip.SizeFileName));
        long SizeShowing(string text) => before.Add(styleName, DownloadSize.Style(text).Length).ZipLength(0);

        var shownFrom = SizeShowing(Placeholder);
        var shown = ArchiveZip.FormatSize(shownFrom);
        for (var round = 1; round <= MaxRounds; round++)
        {
            var size = SizeShowing(shown);
            if (ArchiveZip.FormatSize(size) == shown)
                return (shown, 0);
            if (PaddingToShow(shown, size, shownFrom) is { } padding)
                return (shown, padding);
            (shown, shownFrom) = (ArchiveZip.FormatSize(size), size);
        }
        return null;
    }

    /// <summary>
    /// When <paramref name="size"/> falls just short of what <paramref name="shown"/> stands for (it came from
    /// a larger zip <paramref name="shownFrom"/>), the comment length that makes the zip show it; else null.
    /// </summary>
    internal static int? PaddingToShow(string shown, long size, long shownFrom)
    {
        if (shownFrom <= size || ArchiveZip.FormatSize(shownFrom) != shown)
            return null;
        // FormatSize never decreases with size, so the sizes showing `shown` below shownFrom are one run ending there.
        long low = size, high = shownFrom;
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            if (ArchiveZip.FormatSize(middle) == shown)
                high = middle;
            else
                low = middle + 1;
        }
        return low - size <= ZipWriter.MaxCommentLength ? (int)(low - size) : null;
    }

    /// <summary>Saves the index of the zip: the first <paramref name="kept"/> entries of the last one's, then <paramref name="entries"/>.</summary>
    static void SaveIndex(string file, FileInfo zip, ZipIndex? previous, int kept, List<PlannedEntry> entries, uint[] crcs)
    {
        var index = new ZipIndex.Builder(previous?.RecordsLength + (1 << 16) ?? 0);
        if (kept > 0)
            index.AddFirst(previous!, kept);
        for (var i = 0; i < entries.Count; i++)
            index.Add(entries[i].Name, entries[i].Hash, entries[i].Deflated, crcs[i], entries[i].Length, entries[i].CompressedLength);
        index.Save(file, zip);
    }
}
