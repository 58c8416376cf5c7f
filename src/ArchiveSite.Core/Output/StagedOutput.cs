using System.Collections.Concurrent;
using System.Security.Cryptography;
using ArchiveSite.Download;
using ArchiveSite.Model;

namespace ArchiveSite.Output;

/// <summary>
/// Writes a build incrementally and safely. A file whose bytes equal what the last build left in the output
/// folder (per the <see cref="OutputManifest"/>, and the file on disk still as that build left it) is not
/// written at all; any other file goes to a staging folder beside the output folder. Only <see cref="Commit"/>
/// touches the output folder: it moves the staged files in, deletes files the new site no longer has and
/// records the new manifest. So a failed build leaves the last good output as it was, and a rebuild leaves
/// unchanged files alone (same inode, same modification time). Thread-safe for writes of different paths; a
/// staged file is on disk once every write has returned (see <see cref="OneCreatorPerFolder"/>).
/// </summary>
public sealed class StagedOutput : IOutputWriter, IDisposable
{
    readonly ConcurrentDictionary<string, FileState> _files = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, bool> _stagingFolders = new(StringComparer.Ordinal);
    readonly OneCreatorPerFolder _creator = new();
    readonly Dictionary<string, StepRecord> _steps = new(StringComparer.Ordinal);
    readonly Task<OutputManifest?> _previous;
    readonly Task<HashSet<string>> _verified;
    readonly Lazy<ILookup<string, KeyValuePair<string, ManifestEntry>>> _previousByStep;
    readonly string _manifestFile;
    bool _committed;
    List<string>? _gone;

    /// <param name="manifestFile">Where the output folder's manifest is kept, see <see cref="OutputManifest.FileFor"/>.</param>
    public StagedOutput(string outputDirectory, string manifestFile)
    {
        OutputDirectory = Path.GetFullPath(outputDirectory);
        StagingDirectory = OutputDirectory + ".staging";
        _manifestFile = manifestFile;
        // Read and checked on other threads while the build makes the site. The files are checked apart: a step asks
        // whether its key changed (the manifest) before it makes the site, but asks about files only after that, and a
        // rebuild of 1,000 transcripts lists 45,000 files here.
        _previous = Task.Run(() => Directory.Exists(OutputDirectory) ? OutputManifest.Load(manifestFile, OutputDirectory) : null);
        _verified = _previous.ContinueWith(loaded => loaded.Result is { } manifest ? VerifiedFiles.Of(OutputDirectory, manifest) : [],
            TaskScheduler.Default);
        _previousByStep = new(() => (Previous?.Files ?? []).ToLookup(f => f.Value.Step, StringComparer.Ordinal));
        if (Directory.Exists(StagingDirectory))
            Directory.Delete(StagingDirectory, recursive: true);
        Directory.CreateDirectory(StagingDirectory);
    }

    public string OutputDirectory { get; }

    /// <summary>What the last build recorded, or null; waited for when it is still being read.</summary>
    OutputManifest? Previous => _previous.GetAwaiter().GetResult();

    /// <summary>Holds only the files that changed, until <see cref="Commit"/>.</summary>
    public string StagingDirectory { get; }

    /// <summary>The output step now running; files it writes or keeps are recorded as its own.</summary>
    public string CurrentStep { get; set; } = "";

    /// <summary>
    /// Makes something of each file this build writes, from its bytes while they are at hand (set before the steps
    /// run; it must be thread-safe): the download compresses text here, so it does not read every file back.
    /// Null: nothing is made.
    /// </summary>
    public FilePacker? Packer { get; set; }

    /// <summary>What <see cref="Packer"/> made of the file when this build wrote it; null when the file was kept or nothing was made.</summary>
    public object? PackedOf(string relativePath) =>
        _files.TryGetValue(relativePath, out var state) && state != FileState.Pending
            ? state.Packed
            : throw new FileNotFoundException($"'{relativePath}' is not part of the site", relativePath);

    /// <summary>Every file of the new site so far, relative to the site root, in ordinal order.</summary>
    public IReadOnlyList<string> Files => [.. _files.Keys.Order(StringComparer.Ordinal)];

    /// <summary><see cref="Files"/> in no particular order, for a caller that orders them its own way: sorting 45,000 paths is not free.</summary>
    public ICollection<string> FilesInAnyOrder => _files.Keys;

    /// <summary>What the output folder holds once <see cref="Commit"/> has run: the manifest it recorded (or found already true); null before.</summary>
    public OutputManifest? CommittedManifest { get; private set; }

    /// <summary>How many files the new site has so far.</summary>
    public int FileCount => _files.Count;

    /// <summary>How many files differ from the last build's output (new or changed), so far.</summary>
    public int Changed => _files.Values.Count(f => f.Staged);

    /// <summary>
    /// The files of the new site so far whose bytes differ from the last build's output (new or changed), in no
    /// particular order; every other file has the bytes and the hash the last build's manifest records for it.
    /// </summary>
    public IEnumerable<string> ChangedFiles => _files.Where(f => f.Value.Staged).Select(f => f.Key);

    /// <summary>
    /// The last build's files the new site does not have so far, in no particular order. The first call looks up each of
    /// them (a pass over 45,000 paths); a later one only those it found gone, since the site only gains files (the zip
    /// update asks, then the commit once the download is written).
    /// </summary>
    public IReadOnlyList<string> FilesGone
    {
        get
        {
            if (Previous is null)
                return [];
            var gone = (_gone ?? (IEnumerable<string>)Previous.Files.Keys).Where(path => !_files.ContainsKey(path)).ToList();
            _gone = gone;
            return gone;
        }
    }

    /// <summary>Every file of the new site so far and its content hash (see <see cref="HashOf"/>), in no particular order.</summary>
    public IEnumerable<(string Path, string Hash)> FileHashes =>
        _files.Where(f => !ReferenceEquals(f.Value, FileState.Pending)).Select(f => (f.Key, f.Value.Hash));

    /// <summary>Whether the new site has this file so far.</summary>
    public bool Contains(string relativePath) => _files.TryGetValue(relativePath, out var state) && state != FileState.Pending;

    public void Write(string relativePath, ReadOnlySpan<byte> bytes) => Write(relativePath, bytes, key: null);

    /// <param name="key">What the file was made from, for <see cref="TryKeep"/> in the next build.</param>
    public void Write(string relativePath, ReadOnlySpan<byte> bytes, string? key)
    {
        Claim(relativePath);
        _files[relativePath] = Store(relativePath, bytes, CurrentStep, key);
    }

    /// <summary>
    /// Stages a big file (the download) that <paramref name="write"/> makes at the full path it is given, named by
    /// <paramref name="hash"/>, a hash of everything its bytes are made from (the same hash must always mean the
    /// same bytes), so that it needs no reading back. When the last build's file has that hash and is on disk as
    /// that build left it, that file is kept and <paramref name="write"/> is not called.
    /// </summary>
    /// <param name="committed">Called with the output folder's file once <see cref="Commit"/> has put the new bytes there, before the manifest is written.</param>
    public void WriteFile(string relativePath, string hash, Action<string> write, Action<FileInfo>? committed = null)
    {
        Claim(relativePath);
        var unchanged = IsUnchanged(relativePath, hash, out var before);
        if (!unchanged)
            write(StagingPathOf(relativePath));
        _files[relativePath] = new FileState(hash, Staged: !unchanged, CurrentStep, Key: null) { Committed = unchanged ? null : committed, Before = before };
    }

    /// <summary>
    /// The length of the last build's file at <paramref name="relativePath"/> when the output folder holds it as that
    /// build left it, so that <see cref="WriteFileTail"/> may keep a prefix of it; null otherwise.
    /// </summary>
    public long? KeptLengthOf(string relativePath) =>
        Previous is not null && Previous.Files.TryGetValue(relativePath, out var entry) && Verified(relativePath) ? entry.Length : null;

    /// <summary>
    /// Like <see cref="WriteFile"/>, for a big file whose first <paramref name="keptLength"/> bytes are those of the
    /// last build's file (see <see cref="KeptLengthOf"/>): <paramref name="writeTail"/> writes only the bytes after
    /// them, and <see cref="Commit"/> cuts the output folder's file there and appends them, instead of moving a whole
    /// new copy in. Until then the output folder is untouched. A commit cut short leaves a file the manifest (deleted
    /// first, written last) no longer vouches for, so the next build writes it whole.
    /// </summary>
    public void WriteFileTail(string relativePath, string hash, long keptLength, Action<string> writeTail, Action<FileInfo>? committed = null)
    {
        if (KeptLengthOf(relativePath) is not { } length || keptLength <= 0 || keptLength > length)
            throw new InvalidOperationException($"'{relativePath}' has no {keptLength} bytes of the last build's file to keep");
        Claim(relativePath);
        if (IsUnchanged(relativePath, hash, out var before))
        {
            _files[relativePath] = new FileState(hash, Staged: false, CurrentStep, Key: null) { Before = before };
            return;
        }
        writeTail(StagingPathOf(relativePath));
        _files[relativePath] = new FileState(hash, Staged: true, CurrentStep, Key: null) { KeptLength = keptLength, Committed = committed, Before = before };
    }

    string StagingPathOf(string relativePath)
    {
        var staging = Path.Combine(StagingDirectory, relativePath);
        CreateStagingFolder(Path.GetDirectoryName(staging)!);
        return staging;
    }

    void Claim(string relativePath)
    {
        OutputPaths.Validate(relativePath);
        if (!_files.TryAdd(relativePath, FileState.Pending))
            throw new InvalidOperationException($"two output steps both write '{relativePath}'");
    }

    /// <summary>
    /// Keeps the last build's file when it was made from the same <paramref name="key"/> and is still on disk
    /// as that build left it; false when the caller must make the file.
    /// </summary>
    public bool TryKeep(string relativePath, string key)
    {
        if (Previous is null || !Previous.Files.TryGetValue(relativePath, out var entry) || entry.Key != key || !Verified(relativePath))
            return false;
        if (!_files.TryAdd(relativePath, new FileState(entry.Hash, Staged: false, CurrentStep, key) { Before = entry }))
            throw new InvalidOperationException($"two output steps both write '{relativePath}'");
        return true;
    }

    /// <summary>
    /// Keeps every file the current step wrote in the last build, when that build recorded the same step key
    /// and all those files are on disk as it left them; null when the step must run. Otherwise the diagnostics
    /// the step reported in that build, to report again.
    /// </summary>
    public IReadOnlyList<Diagnostic>? TryKeepStep(string key)
    {
        if (Previous is null || !Previous.Steps.TryGetValue(CurrentStep, out var record) || record.Key != key)
            return null;
        var files = _previousByStep.Value[CurrentStep].ToList();
        if (files.Any(f => _files.ContainsKey(f.Key)) || !AllVerified(files))
            return null;
        foreach (var (path, entry) in files)
            _files[path] = new FileState(entry.Hash, Staged: false, CurrentStep, entry.Key) { Before = entry };
        RecordStep(record);
        return record.Diagnostics;
    }

    /// <summary>Records what the current step's files were made from, for <see cref="TryKeepStep"/> in the next build.</summary>
    public void RecordStep(StepRecord record)
    {
        lock (_steps)
            _steps[CurrentStep] = record;
    }

    /// <summary>The current bytes of a file of the new site, staged or kept.</summary>
    public Stream OpenRead(string relativePath) => File.OpenRead(PathOf(relativePath));

    /// <summary>Where the current bytes of a file of the new site are on disk (staged, or kept in the output folder) until <see cref="Commit"/>.</summary>
    public string PathOf(string relativePath)
    {
        if (!_files.TryGetValue(relativePath, out var state) || state == FileState.Pending)
            throw new FileNotFoundException($"'{relativePath}' is not part of the site", relativePath);
        if (state.KeptLength is not null)
            throw new InvalidOperationException($"only the end of '{relativePath}' is staged; its whole bytes exist once the build is committed");
        return Path.Combine(state.Staged ? StagingDirectory : OutputDirectory, relativePath);
    }

    /// <summary>The content hash (<see cref="ContentHash"/>) of a file of the new site, staged or kept, without reading it.</summary>
    public string HashOf(string relativePath) =>
        _files.TryGetValue(relativePath, out var state) && state != FileState.Pending
            ? state.Hash
            : throw new FileNotFoundException($"'{relativePath}' is not part of the site", relativePath);

    /// <summary>The CRC-32 of a file whose bytes this build wrote (or found unchanged); null for a file kept without reading it.</summary>
    public uint? Crc32Of(string relativePath) =>
        _files.TryGetValue(relativePath, out var state) && state != FileState.Pending
            ? state.Crc32
            : throw new FileNotFoundException($"'{relativePath}' is not part of the site", relativePath);

    public byte[] ReadAllBytes(string relativePath)
    {
        using var stream = OpenRead(relativePath);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>Moves the changed files into the output folder, deletes the files the site no longer has, and records the manifest.</summary>
    public void Commit()
    {
        // Nothing in the output folder changes while the last build's files are being looked at.
        _verified.GetAwaiter().GetResult();
        var (entries, staged, added, asBefore, alsoBefore) = KeptEntries();
        var folders = SiteFolders(added, alsoBefore);
        IReadOnlyDictionary<string, (long Length, long Modified)>? sizesAndTimes = null;
        if (IsEmptyFolderOrMissing(OutputDirectory))
        {
            ForgetManifest();
            MoveStagingFolderIn();
            sizesAndTimes = ListedFiles();
        }
        else
        {
            var listed = FoldersToList(folders);
            var gone = Gone(entries, alsoBefore);
            if (Previous is not null && listed.Count == 0 && gone.Count == 0 && staged.Count == 0 && asBefore && SameSteps())
            {
                // Nothing to move in or delete, and the manifest already says all this build would record.
                CommittedManifest = Previous;
                Finish();
                return;
            }
            ForgetManifest();
            MoveStagedFilesIn(staged);
            DeleteWhatTheSiteNoLongerHas(gone, listed, folders);
        }

        // The staging folder, which still holds the download's staged end (41 MB in a one change of the 1,000 archive,
        // 12 ms to free), is deleted on another core while the new manifest is made and saved; so are the files' own
        // records made (the download's index of 45,000 entries, ~35 ms of a cold commit).
        var cleared = Task.Run(DeleteStaging);
        var committed = staged.Where(path => _files[path].Committed is not null).ToList();
        var recorded = committed.Count == 0
            ? Task.CompletedTask
            : Task.Run(() =>
            {
                foreach (var path in committed)
                    _files[path].Committed!(new FileInfo(Path.Combine(OutputDirectory, path)));
            });
        try
        {
            foreach (var path in staged)
            {
                var state = _files[path];
                var (length, modified) = sizesAndTimes is not null && sizesAndTimes.TryGetValue(path, out var found) ? found : SizeAndTime(path);
                entries[path] = new ManifestEntry(state.Hash, length, modified, state.Step, state.Key);
            }
            var times = folders.ToDictionary(folder => folder, folder => Directory.GetLastWriteTimeUtc(Path.Combine(OutputDirectory, folder)).Ticks,
                StringComparer.Ordinal);
            lock (_steps)
                CommittedManifest = new OutputManifest(OutputDirectory, entries, new Dictionary<string, StepRecord>(_steps, StringComparer.Ordinal)) { Folders = times };
            CommittedManifest.Save(_manifestFile);
        }
        finally
        {
            cleared.GetAwaiter().GetResult();
            recorded.GetAwaiter().GetResult();
        }
        _committed = true;
    }

    (long Length, long Modified) SizeAndTime(string path)
    {
        var info = new FileInfo(Path.Combine(OutputDirectory, path));
        return (info.Length, info.LastWriteTimeUtc.Ticks);
    }

    /// <summary>
    /// The size and time of every file in the output folder, by path, listed on every core (<see cref="OutputListing"/>):
    /// once a whole staging folder has become the output folder, asking about each of its 45,000 files by path was the
    /// commit's longest part, on one core.
    /// </summary>
    Dictionary<string, (long Length, long Modified)> ListedFiles()
    {
        var listed = new Dictionary<string, (long Length, long Modified)>(_files.Count, StringComparer.Ordinal);
        foreach (var (path, length, modified) in OutputListing.Of(OutputDirectory, (ReadOnlySpan<char> folder, in OutputListing.Entry entry) =>
                     (folder.IsEmpty ? entry.Name.ToString() : string.Concat(folder, "/", entry.Name), entry.Length, entry.Modified), folders: false))
            listed[path] = (length, modified);
        return listed;
    }

    /// <summary>Without a manifest a half-finished commit is never trusted: the next build writes everything.</summary>
    void ForgetManifest()
    {
        if (File.Exists(_manifestFile))
            File.Delete(_manifestFile);
    }

    void Finish()
    {
        _committed = true;
        DeleteStaging();
    }

    void DeleteStaging()
    {
        if (Directory.Exists(StagingDirectory))
            Directory.Delete(StagingDirectory, recursive: true);
    }

    /// <summary>
    /// In one pass over the site's files: the manifest entries of the files not staged, the files staged (whose entries
    /// <see cref="Commit"/> adds once they are in place), and whether every file not staged is recorded as the last
    /// build recorded it. A file not staged was found on disk as the last build left it, so its size and time are the
    /// recorded ones. The entries start as a copy of the last build's (copied whole, no path hashed again), so that only
    /// what changed is written; <see cref="Gone"/> takes out the files the site no longer has. Also how many of the
    /// site's files the last build had too, and the files it did not have.
    /// </summary>
    (Dictionary<string, ManifestEntry> Entries, List<string> Staged, List<string> Added, bool AsBefore, int AlsoBefore) KeptEntries()
    {
        var entries = Previous is null
            ? new Dictionary<string, ManifestEntry>(_files.Count, StringComparer.Ordinal)
            : new Dictionary<string, ManifestEntry>(Previous.Files, StringComparer.Ordinal);
        var staged = new List<string>();
        var added = new List<string>();
        var asBefore = true;
        var alsoBefore = 0;
        foreach (var (path, state) in _files)
        {
            if (state.Before is not null)
                alsoBefore++;
            else
                added.Add(path);
            if (state.Staged)
            {
                staged.Add(path);
                continue;
            }
            var kept = state.Before!;
            if (kept.Hash == state.Hash && kept.Step == state.Step && kept.Key == state.Key)
                continue;
            entries[path] = kept with { Hash = state.Hash, Step = state.Step, Key = state.Key };
            asBefore = false;
        }
        return (entries, staged, added, asBefore, alsoBefore);
    }

    /// <summary>
    /// The last build's files the site no longer has, taken out of <paramref name="entries"/>; looked for only when the
    /// site has fewer of the last build's files (<paramref name="alsoBefore"/>) than it had.
    /// </summary>
    IReadOnlyList<string> Gone(Dictionary<string, ManifestEntry> entries, int alsoBefore)
    {
        if (Previous is null || alsoBefore == Previous.Files.Count)
            return [];
        var gone = FilesGone;
        foreach (var path in gone)
            entries.Remove(path);
        return gone;
    }

    bool SameSteps()
    {
        lock (_steps)
            return _steps.Count == Previous!.Steps.Count && _steps.All(step =>
                Previous.Steps.TryGetValue(step.Key, out var before) && before.Key == step.Value.Key
                && before.Diagnostics.SequenceEqual(step.Value.Diagnostics));
    }

    /// <summary>
    /// Every folder the new site has files in, relative to the site root ("" for the root itself). When the site still has
    /// every file of the last build (<paramref name="alsoBefore"/>), those are the folders the last build recorded and those
    /// of the files <paramref name="added"/>: no pass over every path (45,000 in the 1,000 archive, 10 ms of a one change).
    /// </summary>
    HashSet<string> SiteFolders(List<string> added, int alsoBefore)
    {
        var hasAll = Previous is { Folders.Count: > 0 } && alsoBefore == Previous.Files.Count;
        var folders = hasAll ? new HashSet<string>(Previous!.Folders.Keys, StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal) { "" };
        var known = folders.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var path in hasAll ? added : _files.Keys)
        {
            // Up from the file's folder, stopping at the first one already known: its parents are known too. Looked up
            // as a span, so that a string is made only for a folder not known yet, not for each of 45,000 files.
            var end = path.LastIndexOf('/');
            while (end > 0 && known.Add(path.AsSpan(0, end)))
                end = path.LastIndexOf('/', end - 1);
        }
        return folders;
    }

    /// <summary>
    /// The folders that may hold files the site does not know, and so must be listed: those whose modification time
    /// is not the one the last build recorded (a file or folder was added or removed since), and all of them when it
    /// recorded none. Taken before this build moves anything in.
    /// </summary>
    List<string> FoldersToList(HashSet<string> siteFolders)
    {
        var recorded = Previous?.Folders ?? new Dictionary<string, long>();
        return siteFolders.Union(recorded.Keys)
            .Where(folder => !recorded.TryGetValue(folder, out var time)
                             || Directory.GetLastWriteTimeUtc(Path.Combine(OutputDirectory, folder)).Ticks != time)
            .ToList();
    }

    /// <summary>
    /// Into an empty output folder the staging folder, which then holds every file of the site, is renamed
    /// whole: one rename instead of one per file, and nothing of a previous site to keep.
    /// </summary>
    void MoveStagingFolderIn()
    {
        if (Directory.Exists(OutputDirectory))
            Directory.Delete(OutputDirectory);
        Directory.Move(StagingDirectory, OutputDirectory);
    }

    /// <summary>
    /// A file of which only the end is staged (<see cref="WriteFileTail"/>) has it appended on another core while the
    /// other files are moved in: in a one change of the 1,000 archive that is the download's last 41 MB, 30 ms to copy.
    /// </summary>
    void MoveStagedFilesIn(List<string> paths)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        var tails = new List<Task>();
        try
        {
            foreach (var path in paths)
            {
                var state = _files[path];
                var target = Path.Combine(OutputDirectory, path);
                var folder = Path.GetDirectoryName(target)!;
                if (folders.Add(folder))
                    Directory.CreateDirectory(folder);
                var staged = Path.Combine(StagingDirectory, path);
                if (state.KeptLength is { } kept)
                {
                    tails.Add(Task.Run(() => AppendTail(target, kept, staged)));
                    continue;
                }
                // Deleted first rather than renamed over: ext4 flushes a file renamed over another to disk at once
                // (auto_da_alloc), which made committing 19,000 changed search shards take seconds. With the target gone,
                // overwrite only makes .NET move by one rename() rather than link() and unlink().
                File.Delete(target);
                File.Move(staged, target, overwrite: true);
            }
        }
        finally
        {
            foreach (var tail in tails)
                tail.GetAwaiter().GetResult();
        }
    }

    /// <summary>Cuts <paramref name="target"/> after its first <paramref name="kept"/> bytes and appends the staged tail.</summary>
    static void AppendTail(string target, long kept, string tail)
    {
        using var from = File.OpenHandle(tail, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var to = File.OpenHandle(target, FileMode.Open, FileAccess.Write, FileShare.None);
        var length = RandomAccess.GetLength(from);
        RandomAccess.SetLength(to, kept);
        FileRanges.Copy(from, 0, to, kept, length);
        if (RandomAccess.GetLength(to) != kept + length)
            throw new IOException($"'{target}' has {RandomAccess.GetLength(to)} bytes after its end was written, not {kept + length}");
    }

    /// <summary>
    /// Deletes the last build's files the site no longer has, and anything else found in the folders that must be
    /// listed (see <see cref="FoldersToList"/>); then the last build's folders left empty. Only those folders are listed,
    /// not the whole output folder: a rebuild of 1,000 transcripts has 45,000 files.
    /// </summary>
    void DeleteWhatTheSiteNoLongerHas(IReadOnlyList<string> gone, List<string> listed, HashSet<string> siteFolders)
    {
        foreach (var path in gone)
            File.Delete(Path.Combine(OutputDirectory, path));
        foreach (var folder in listed)
        {
            var directory = Path.Combine(OutputDirectory, folder);
            if (!Directory.Exists(directory) || new FileInfo(directory).LinkTarget is not null)
                continue;
            foreach (var file in Directory.EnumerateFiles(directory))
                if (!_files.ContainsKey(Relative(file)))
                    File.Delete(file);
            foreach (var sub in Directory.EnumerateDirectories(directory))
                if (!siteFolders.Contains(Relative(sub)) || new FileInfo(sub).LinkTarget is not null)
                    DeleteFilesNotIn(sub);
        }
        // Deepest first, so a folder whose only content was an emptied folder goes too.
        foreach (var folder in (Previous?.Folders.Keys ?? []).Where(f => !siteFolders.Contains(f)).OrderByDescending(f => f.Length))
        {
            var directory = Path.Combine(OutputDirectory, folder);
            if (Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
                Directory.Delete(directory);
        }
    }

    string Relative(string path) => Path.GetRelativePath(OutputDirectory, path).Replace('\\', '/');

    static bool IsEmptyFolderOrMissing(string folder)
    {
        var info = new DirectoryInfo(folder);
        return !info.Exists || (info.LinkTarget is null && !info.EnumerateFileSystemInfos().Any());
    }

    /// <summary>Throws the staging folder away unless it was committed.</summary>
    public void Dispose()
    {
        // Not left listing the output folder after the build (whatever it found no longer matters).
        Task.WaitAny(_verified);
        if (!_committed)
            DeleteStaging();
    }

    /// <summary>Taken while the bytes are at hand: the download needs it for every file, and reading a site's images again costs more.</summary>
    static uint Crc32(ReadOnlySpan<byte> bytes) => System.IO.Hashing.Crc32.HashToUInt32(bytes);

    FileState Store(string relativePath, ReadOnlySpan<byte> bytes, string step, string? key)
    {
        var hash = ContentHash.Of(bytes);
        if (IsUnchanged(relativePath, hash, out var before))
            return new FileState(hash, Staged: false, step, key, Crc32(bytes)) { Before = before };
        var staging = Path.Combine(StagingDirectory, relativePath);
        CreateStagingFolder(Path.GetDirectoryName(staging)!);
        // A path is claimed once, so its staged file is always new.
        _creator.Create(staging, bytes);
        return new FileState(hash, Staged: true, step, key, Crc32(bytes), Packer?.Invoke(relativePath, bytes)) { Before = before };
    }

    /// <summary>Creates a folder of the staging folder once, rather than asking the file system for it again with every file.</summary>
    void CreateStagingFolder(string folder)
    {
        if (_stagingFolders.ContainsKey(folder))
            return;
        Directory.CreateDirectory(folder);
        _stagingFolders.TryAdd(folder, true);
    }

    /// <summary>True when the output folder already holds these bytes for the file, as the last build left it.</summary>
    /// <param name="before">The last build's manifest entry for the file, when it had one.</param>
    bool IsUnchanged(string relativePath, string hash, out ManifestEntry? before)
    {
        before = Previous is not null && Previous.Files.TryGetValue(relativePath, out var entry) ? entry : null;
        return before is not null && before.Hash == hash && Verified(relativePath);
    }

    /// <summary>
    /// True when the output folder holds the file as the last build left it (same size and modification time), as the
    /// folder was when the build began (see <see cref="VerifiedFiles"/>). Only <see cref="Commit"/> changes the folder,
    /// and it waits for this.
    /// </summary>
    bool Verified(string relativePath) => _verified.GetAwaiter().GetResult().Contains(relativePath);

    /// <summary>
    /// Whether every file is on disk as the last build left it. A plain loop over the set of verified files (they were
    /// looked at on every core when loaded): PLINQ here cost a fresh process about 30 JIT-compiled methods.
    /// </summary>
    bool AllVerified(List<KeyValuePair<string, ManifestEntry>> files)
    {
        foreach (var (path, _) in files)
            if (!Verified(path))
                return false;
        return true;
    }

    /// <summary>Deletes every file under <paramref name="directory"/> the site does not have, and the folder when that leaves it empty (a link to a folder is deleted, not followed).</summary>
    void DeleteFilesNotIn(string directory)
    {
        if (new FileInfo(directory).LinkTarget is not null)
        {
            Directory.Delete(directory);
            return;
        }
        foreach (var file in Directory.EnumerateFiles(directory))
            if (!_files.ContainsKey(Relative(file)))
                File.Delete(file);
        foreach (var folder in Directory.EnumerateDirectories(directory))
            DeleteFilesNotIn(folder);
        if (!Directory.EnumerateFileSystemEntries(directory).Any())
            Directory.Delete(directory);
    }

    /// <param name="Staged">True when the bytes are in the staging folder (new or changed); false when the output folder has them.</param>
    /// <param name="Crc32">The CRC-32 of the bytes, when this build had them in hand (written, or found unchanged).</param>
    /// <param name="Packed">What <see cref="Packer"/> made of the bytes this build wrote.</param>
    sealed record FileState(string Hash, bool Staged, string Step, string? Key, uint? Crc32 = null, object? Packed = null)
    {
        /// <summary>For a file of which only the end is staged (<see cref="WriteFileTail"/>): how much of the last build's file it keeps.</summary>
        public long? KeptLength { get; init; }

        /// <summary>What to do once the file is committed (<see cref="WriteFile"/>).</summary>
        public Action<FileInfo>? Committed { get; init; }

        /// <summary>The last build's manifest entry for the file, when it had one: a file kept is recorded as it was, without looking it up again.</summary>
        public ManifestEntry? Before { get; init; }

        public static readonly FileState Pending = new("", false, "", null);
    }
}

/// <summary>Something made of a file's bytes as <see cref="StagedOutput"/> writes them (see <see cref="StagedOutput.Packer"/>).</summary>
public delegate object? FilePacker(string relativePath, ReadOnlySpan<byte> bytes);
