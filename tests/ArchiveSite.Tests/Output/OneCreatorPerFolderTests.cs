using System.Collections.Concurrent;
using ArchiveSite.Output;

namespace ArchiveSite.Tests.Output;

public sealed class OneCreatorPerFolderTests
{
    [Fact]
    public void Never_two_threads_create_in_one_folder_at_once_and_every_file_is_created_once_all_calls_return()
    {
        var creating = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var created = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        var mostAtOnce = 0;
        var creator = new OneCreatorPerFolder((path, bytes) =>
        {
            var folder = Path.GetDirectoryName(path)!;
            var atOnce = creating.AddOrUpdate(folder, 1, (_, n) => n + 1);
            InterlockedMax(ref mostAtOnce, atOnce);
            Thread.SpinWait(2000); // long enough that other threads arrive while this one creates
            Assert.True(created.TryAdd(path, bytes.ToArray()), $"{path} created twice");
            creating.AddOrUpdate(folder, 0, (_, n) => n - 1);
        }, maxHandedOver: int.MaxValue);

        var files = Enumerable.Range(0, 4000).Select(i => ($"out/{"abc"[i % 3]}/{i}.html", new[] { (byte)i, (byte)(i >> 8) })).ToArray();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = 8 }, file => creator.Create(file.Item1, file.Item2));

        Assert.Equal(1, mostAtOnce);
        Assert.Equal(files.Length, created.Count);
        foreach (var (path, bytes) in files)
            Assert.Equal(bytes, created[path]);
    }

    [Fact]
    public void Files_are_created_on_disk_with_their_bytes_and_a_failed_create_leaves_the_folder_usable()
    {
        var root = Directory.CreateTempSubdirectory("archivesite-creator-").FullName;
        try
        {
            var creator = new OneCreatorPerFolder();
            Parallel.For(0, 500, i => creator.Create(Path.Combine(root, $"{i}.txt"), BitConverter.GetBytes(i)));
            for (var i = 0; i < 500; i++)
                Assert.Equal(BitConverter.GetBytes(i), File.ReadAllBytes(Path.Combine(root, $"{i}.txt")));

            // An existing file is never overwritten: the creator only makes new files.
            Assert.Throws<IOException>(() => creator.Create(Path.Combine(root, "7.txt"), [1]));
            creator.Create(Path.Combine(root, "after.txt"), [42]);
            Assert.Equal([42], File.ReadAllBytes(Path.Combine(root, "after.txt")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_file_is_created_at_once_beside_a_creator_that_has_fallen_behind_by_the_most_files_handed_over()
    {
        var created = new ConcurrentQueue<string>();
        using var firstStarted = new ManualResetEventSlim();
        using var releaseFirst = new ManualResetEventSlim();
        var creator = new OneCreatorPerFolder((path, _) =>
        {
            if (path.EndsWith("/0", StringComparison.Ordinal))
            {
                firstStarted.Set();
                releaseFirst.Wait();
            }
            created.Enqueue(path);
        }, maxHandedOver: 1);

        var first = Task.Run(() => creator.Create("out/0", [0]));
        firstStarted.Wait();
        creator.Create("out/1", [1]); // handed over to the thread creating out/0
        creator.Create("out/2", [2]); // one is waiting already: created at once
        Assert.Equal(["out/2"], created);
        Assert.False(first.IsCompleted);

        releaseFirst.Set();
        await first;
        Assert.Equal(["out/2", "out/0", "out/1"], created);
    }

    static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
                return;
    }
}
