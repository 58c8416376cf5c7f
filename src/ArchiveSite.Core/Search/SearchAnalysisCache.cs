using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using ArchiveSite.Build;
using ArchiveSite.Output;
using Lunr;

namespace ArchiveSite.Search;

/// <summary>
/// Each transcript's lunr analysis (terms and their counts per turn and field, as an <see cref="AnalyzedBatch"/>)
/// kept across builds in <c>search.pack</c> of the cache folder, keyed by the program version and the
/// transcript's search field values, so a rebuild tokenises and stems only transcripts whose search text
/// changed. Term weights depend on the whole archive (idf, average field lengths), so they are not kept: the
/// index is rebuilt from the kept counts (<see cref="BatchIndexBuilder"/>). The pack is one vocabulary, sorted,
/// and every analysis as flat arrays of term numbers in it, behind a checksum: loading it maps the file (see
/// <see cref="MappedInts"/>), every analysis's arrays slices of the mapping, rather than a record per transcript to
/// decode and its terms to look up; <see cref="Dispose"/> unmaps it. A build that uses few analyses the pack lacks writes them, with the terms they use, to a small delta file beside it (<see cref="DeltaPath"/>)
/// rather than the whole pack (36 MB for 1,000 transcripts), as <see cref="Build.CachePack{T}"/> does; the
/// pack is written whole once the analyses it holds that no build uses and the delta's would be more than an
/// eighth of it. A key names its analysis's content, so the pack and a delta left by different builds never
/// disagree. Get and Put are thread-safe; <see cref="Save"/> runs once the index is built.
/// </summary>
public sealed class SearchAnalysisCache : IDisposable
{
    /// <summary>Differ from the first bytes of any other layout these files had, so an older pack reads as empty.</summary>
    static readonly byte[] PackMagic = "ASsearch3"u8.ToArray();
    static readonly byte[] DeltaMagic = "ASsearchE"u8.ToArray();
    const int ChecksumBytes = 16;

    readonly Lazy<Kept> _kept;
    readonly ConcurrentDictionary<string, AnalyzedBatch> _used = new(StringComparer.Ordinal);
    int _reused;

    public SearchAnalysisCache(string cacheDirectory)
    {
        PackPath = Path.Combine(cacheDirectory, "search.pack");
        _kept = new(() => Load(PackPath, DeltaPath));
    }

    public string PackPath { get; }

    /// <summary>Analyses the pack lacks, kept since it was last written whole, with the terms they use.</summary>
    public string DeltaPath => PackPath + ".delta";

    /// <summary>How many transcripts' analyses this build took from the pack or its delta.</summary>
    public int Reused => _reused;

    /// <summary>The vocabulary the kept analyses are numbered in; <see cref="Put"/>'s analyses must be numbered in it too.</summary>
    public SharedVocabulary Vocabulary => _kept.Value.Vocabulary;

    /// <summary>
    /// The key of one transcript's documents: everything their analysis is made from and the program version,
    /// which covers the analyser's code. That is their <see cref="SearchDocument.SourceKey"/> when they have one,
    /// so a rebuild reads no text to find a transcript's analysis; otherwise each field's value, in order.
    /// </summary>
    public static string Key(IReadOnlyList<SearchDocument> documents)
    {
        var hash = new XxHash128();
        Append(hash, ProgramVersion.Hash);
        if (documents.Count > 0 && documents[0].SourceKey is { } sourceKey && documents.All(d => d.SourceKey == sourceKey))
        {
            Append(hash, "search source");
            Append(hash, sourceKey);
            return Convert.ToHexStringLower(hash.GetCurrentHash());
        }
        Append(hash, "search");
        foreach (var document in documents)
            foreach (var text in document.FieldTexts())
                Append(hash, text);
        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    static void Append(XxHash128 hash, string part)
    {
        Span<byte> length = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(length, part.Length);
        hash.Append(length);
        hash.Append(MemoryMarshal.AsBytes(part.AsSpan()));
    }

    /// <summary>
    /// Unmaps the pack: the analyses <see cref="Get"/> gave are slices of it, so this comes once they and
    /// <see cref="Save"/> are done with.
    /// </summary>
    public void Dispose()
    {
        if (_kept.IsValueCreated)
            _kept.Value.Mapping?.Dispose();
    }

    /// <summary>The analysis kept under <paramref name="key"/>; null when there is none.</summary>
    public AnalyzedBatch? Get(string key)
    {
        var kept = _kept.Value;
        if (!kept.Pack.TryGetValue(key, out var batch) && !kept.Delta.TryGetValue(key, out batch))
            return null;
        _used[key] = batch;
        Interlocked.Increment(ref _reused);
        return batch;
    }

    /// <summary>Keeps an analysis, numbered in <see cref="Vocabulary"/>, for the next build.</summary>
    public void Put(string key, AnalyzedBatch batch) => _used[key] = batch;

    /// <summary>
    /// Keeps the analyses this build used: in the delta while few differ from the pack, otherwise in a pack written
    /// whole (its vocabulary cut to their terms and sorted), so analyses of transcripts since changed or removed do
    /// not pile up. Nothing is written when the files already hold what they should. A cache that cannot be
    /// written only costs time, so that is not an error.
    /// </summary>
    public void Save()
    {
        var kept = _kept.Value;
        var fromPack = _used.Keys.Count(kept.Pack.ContainsKey);
        var notInPack = _used.Keys.Where(key => !kept.Pack.ContainsKey(key)).Order(StringComparer.Ordinal).ToArray();
        try
        {
            if (CacheDelta.Suffices(kept.Pack.Count, fromPack, notInPack.Length))
            {
                if (notInPack.Length == kept.Delta.Count && notInPack.All(kept.Delta.ContainsKey))
                    return;
                if (notInPack.Length == 0)
                    File.Delete(DeltaPath);
                else
                    WriteDelta(notInPack);
                return;
            }
            if (notInPack.Length == 0 && fromPack == kept.Pack.Count && kept.Delta.Count == 0)
                return;
            WritePack();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    void WritePack()
    {
        var keys = _used.Keys.Order(StringComparer.Ordinal).ToArray();
        var (vocabulary, batches) = Vocabulary.Compact([.. keys.Select(key => _used[key])]);
        Write(PackPath, PackMagic, [.. Enumerable.Range(0, vocabulary.Count).Select(t => vocabulary[t])], keys, batches);
        File.Delete(DeltaPath);
    }

    /// <summary>The analyses with their terms numbered among only the terms they use, in order of first use.</summary>
    void WriteDelta(string[] keys)
    {
        var vocabulary = Vocabulary;
        var localIds = new Dictionary<int, int>();
        var terms = new List<string>();
        var batches = keys.Select(key =>
        {
            var batch = _used[key];
            var termIds = batch.TermIds.ToArray();
            for (var i = 0; i < termIds.Length; i++)
            {
                if (!localIds.TryGetValue(termIds[i], out var local))
                {
                    localIds[termIds[i]] = local = terms.Count;
                    terms.Add(vocabulary[termIds[i]]);
                }
                termIds[i] = local;
            }
            return new AnalyzedBatch(batch.DocumentCount, batch.FieldCount, batch.FieldEnds.ToArray(), termIds, batch.Frequencies.ToArray());
        }).ToArray();
        Write(DeltaPath, DeltaMagic, terms, keys, batches);
    }

    /// <summary>
    /// The magic, the header's length, the header (terms, then each analysis's key and sizes), zeros up to a
    /// multiple of four bytes, every analysis's arrays, and the checksum: the arrays are read as they lie, without
    /// a copy per analysis (see <see cref="Read"/>).
    /// </summary>
    static void Write(string path, byte[] magic, IReadOnlyList<string> terms, string[] keys, AnalyzedBatch[] batches) =>
        AtomicFile.Write(path, stream =>
        {
            var header = new MemoryStream();
            using (var writer = new BinaryWriter(header, Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(terms.Count);
                foreach (var term in terms)
                    writer.Write(term);
                writer.Write(keys.Length);
                for (var b = 0; b < keys.Length; b++)
                {
                    writer.Write(keys[b]);
                    writer.Write(batches[b].DocumentCount);
                    writer.Write(batches[b].FieldCount);
                    writer.Write(batches[b].TermIds.Length);
                }
            }
            var checksum = new XxHash128();
            var output = new ChecksummedStream(stream, checksum);
            output.Write(magic);
            Span<byte> length = stackalloc byte[sizeof(int)];
            BinaryPrimitives.WriteInt32LittleEndian(length, (int)header.Length);
            output.Write(length);
            output.Write(header.GetBuffer().AsSpan(0, (int)header.Length));
            output.Write(new byte[ArraysStart(magic.Length, (int)header.Length) - (magic.Length + sizeof(int) + (int)header.Length)]);
            foreach (var batch in batches)
            {
                output.Write(MemoryMarshal.AsBytes(batch.FieldEnds));
                output.Write(MemoryMarshal.AsBytes(batch.TermIds));
                output.Write(MemoryMarshal.AsBytes(batch.Frequencies));
            }
            stream.Write(checksum.GetCurrentHash());
        });

    /// <summary>Where the arrays start: after the magic, the header's length and the header, at a multiple of four bytes.</summary>
    static long ArraysStart(int magicLength, int headerLength) => (magicLength + sizeof(int) + (long)headerLength + 3) & ~3L;

    /// <param name="Pack">The pack's analyses, numbered in <see cref="Vocabulary"/> as the pack numbers its sorted terms.</param>
    /// <param name="Delta">The delta's analyses, renumbered in <see cref="Vocabulary"/>, which numbers terms new to the pack after its own.</param>
    /// <param name="Mapping">The mapped pack the pack's analyses lie in; null when there is none.</param>
    sealed record Kept(SharedVocabulary Vocabulary, IReadOnlyDictionary<string, AnalyzedBatch> Pack, IReadOnlyDictionary<string, AnalyzedBatch> Delta,
        IDisposable? Mapping = null);

    /// <summary>
    /// The kept vocabulary and analyses. A pack that is missing, damaged or of another layout is an empty cache,
    /// and so is its delta then; a delta that is missing or damaged is an empty delta.
    /// </summary>
    static Kept Load(string packPath, string deltaPath)
    {
        var empty = new Dictionary<string, AnalyzedBatch>();
        if (Read(packPath, PackMagic) is not { } read)
            return new Kept(new SharedVocabulary(), empty, empty);
        var (terms, pack, mapping) = read;
        SharedVocabulary vocabulary;
        try
        {
            vocabulary = new SharedVocabulary(terms);
        }
        catch (ArgumentException)
        {
            ((IDisposable)mapping).Dispose();
            return new Kept(new SharedVocabulary(), empty, empty);
        }
        if (Read(deltaPath, DeltaMagic) is not { } readDelta)
            return new Kept(vocabulary, pack, empty, mapping);
        // The delta's analyses are copied as they are renumbered, so its mapping goes once that is done.
        using var deltaMapping = (IDisposable)readDelta.Mapping;
        var (deltaTerms, delta, _) = readDelta;
        var idOf = deltaTerms.Select(vocabulary.IdOf).ToArray();
        var renumbered = new Dictionary<string, AnalyzedBatch>(StringComparer.Ordinal);
        foreach (var (key, batch) in delta)
        {
            var termIds = batch.TermIds.ToArray();
            for (var i = 0; i < termIds.Length; i++)
                termIds[i] = idOf[termIds[i]];
            renumbered[key] = new AnalyzedBatch(batch.DocumentCount, batch.FieldCount, batch.FieldEnds.ToArray(), termIds, batch.Frequencies.ToArray());
        }
        return new Kept(vocabulary, pack, renumbered, mapping);
    }

    /// <summary>
    /// A file's terms and analyses (numbered in its terms) and the mapping they lie in, to dispose once they are no
    /// longer used; null when there is none or it is not a whole, undamaged one of this layout. The file is mapped,
    /// not read, and each analysis's arrays are slices of the mapping.
    /// </summary>
    static (string[] Terms, Dictionary<string, AnalyzedBatch> Batches, MappedInts Mapping)? Read(string path, byte[] magic)
    {
        MappedInts? mapping;
        try
        {
            mapping = File.Exists(path) ? MappedInts.Open(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        if (mapping is null)
            return null;
        if (Parse(mapping, magic) is { } parsed)
            return (parsed.Terms, parsed.Batches, mapping);
        ((IDisposable)mapping).Dispose();
        return null;
    }

    static (string[] Terms, Dictionary<string, AnalyzedBatch> Batches)? Parse(MappedInts whole, byte[] magic)
    {
        var bytes = whole.Bytes;
        // The arrays are kept as the machine holds them; a big-endian machine just starts without a cache.
        if (!BitConverter.IsLittleEndian || bytes.Length < magic.Length + sizeof(int) + ChecksumBytes || !bytes[..magic.Length].SequenceEqual(magic)
            || !XxHash128.Hash(bytes[..^ChecksumBytes]).AsSpan().SequenceEqual(bytes[^ChecksumBytes..]))
            return null;
        var headerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes[magic.Length..]);
        var arraysStart = ArraysStart(magic.Length, headerLength);
        var arraysEnd = bytes.Length - ChecksumBytes;
        if (headerLength < 0 || arraysStart > arraysEnd || (arraysEnd - arraysStart) % sizeof(int) != 0)
            return null;
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes.Slice(magic.Length + sizeof(int), headerLength).ToArray(), writable: false), Encoding.UTF8);
            var terms = new string[ReadCount(reader)];
            for (var t = 0; t < terms.Length; t++)
                terms[t] = reader.ReadString();
            var batches = new Dictionary<string, AnalyzedBatch>(StringComparer.Ordinal);
            var batchCount = ReadCount(reader);
            var at = arraysStart / sizeof(int);
            for (var b = 0; b < batchCount; b++)
            {
                var key = reader.ReadString();
                var documentCount = reader.ReadInt32();
                var fieldCount = reader.ReadInt32();
                var entries = reader.ReadInt32();
                var slots = (long)documentCount * fieldCount;
                if (documentCount < 0 || fieldCount < 0 || entries < 0 || at + slots + 2L * entries > arraysEnd / sizeof(int))
                    return null;
                var batch = new AnalyzedBatch(documentCount, fieldCount, whole.Memory.Slice((int)at, (int)slots),
                    whole.Memory.Slice((int)(at + slots), entries), whole.Memory.Slice((int)(at + slots + entries), entries));
                at += slots + 2L * entries;
                foreach (var id in batch.TermIds)
                    if (id >= terms.Length)
                        return null;
                batches[key] = batch;
            }
            return reader.BaseStream.Position == reader.BaseStream.Length && at == arraysEnd / sizeof(int) ? (terms, batches) : null;
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or ArgumentException or DecoderFallbackException)
        {
            return null;
        }
    }

    static int ReadCount(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        // Every counted item takes at least one byte, so a larger count is damage, not a huge pack.
        return count >= 0 && count <= reader.BaseStream.Length - reader.BaseStream.Position
            ? count
            : throw new FormatException($"count {count} with {reader.BaseStream.Length - reader.BaseStream.Position} bytes left");
    }

    /// <summary>Passes writes through to a stream and into a checksum of everything written.</summary>
    sealed class ChecksummedStream(Stream inner, XxHash128 checksum) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            checksum.Append(buffer);
            inner.Write(buffer);
        }

        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
