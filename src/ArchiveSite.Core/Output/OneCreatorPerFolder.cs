using System.Collections.Concurrent;

namespace ArchiveSite.Output;

/// <summary>
/// Creates new files so that no two threads create files in one folder at the same time: creating a file locks
/// its folder in the kernel, and a second thread creating beside it spins on that lock (perf of a cold build
/// on a quiet machine, ext4: 9% of all samples). A thread that finds the folder busy hands its file over and goes
/// back to its own work; the thread creating files there writes it before its own call returns. So once every
/// call to <see cref="Create"/> has returned, every file is on disk. Only when that thread has fallen behind by
/// <c>maxHandedOver</c> files (descheduled on a busy machine, say) does a file get created at once beside it: the
/// copies handed over cost memory (without a limit, a cold build of 1,000 transcripts at a load average of 15 on
/// 2 cores ended the cards step with 160 MB more heap). Thread-safe.
/// </summary>
internal sealed class OneCreatorPerFolder(OneCreatorPerFolder.FileCreator? create = null, int maxHandedOver = 64)
{
    /// <summary>Creates one new file; by default on disk, in one open and one write.</summary>
    public delegate void FileCreator(string path, ReadOnlySpan<byte> bytes);

    readonly FileCreator _create = create ?? CreateNow;
    readonly ConcurrentDictionary<string, Folder> _folders = new(StringComparer.Ordinal);

    /// <summary>Creates <paramref name="path"/>, which must not exist, in a folder that exists, holding <paramref name="bytes"/>.</summary>
    public void Create(string path, ReadOnlySpan<byte> bytes)
    {
        var folder = _folders.GetOrAdd(Path.GetDirectoryName(path)!, _ => new Folder(_create));
        if (folder.TryEnter())
        {
            try
            {
                _create(path, bytes);
            }
            catch
            {
                folder.Exit();
                throw;
            }
        }
        else if (Volatile.Read(ref folder.Waiting) >= maxHandedOver)
        {
            _create(path, bytes);
            return;
        }
        else
        {
            Interlocked.Increment(ref folder.Waiting);
            folder.HandedOver.Enqueue((path, bytes.ToArray()));
            // The thread that was busy may have finished before the file was handed over: then nobody else writes it.
            if (!folder.TryEnter())
                return;
        }
        folder.CreateHandedOverAndExit();
    }

    // Created as new in one system call (FileMode.Create would truncate in another), and written without a FileStream.
    static void CreateNow(string path, ReadOnlySpan<byte> bytes)
    {
        using var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write);
        RandomAccess.Write(file, bytes, 0);
    }

    sealed class Folder(FileCreator create)
    {
        int _busy;

        public ConcurrentQueue<(string Path, byte[] Bytes)> HandedOver { get; } = new();

        /// <summary>How many files are handed over and not yet created.</summary>
        public int Waiting;

        public bool TryEnter() => Interlocked.CompareExchange(ref _busy, 1, 0) == 0;

        // A full fence, so that the look at the queue after it is not made before it.
        public void Exit() => Interlocked.Exchange(ref _busy, 0);

        public void CreateHandedOverAndExit()
        {
            do
            {
                try
                {
                    while (HandedOver.TryDequeue(out var file))
                    {
                        Interlocked.Decrement(ref Waiting);
                        create(file.Path, file.Bytes);
                    }
                }
                finally
                {
                    Exit();
                }
            }
            while (!HandedOver.IsEmpty && TryEnter());
        }
    }
}
