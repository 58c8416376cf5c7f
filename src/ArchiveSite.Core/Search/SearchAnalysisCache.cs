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
/// and every analysis as flat arrays of term numbers in it, behind a checksum: loading it is a few bulk copies
/// rather than a record per transcript to decode and its terms to look up. Get and Put are thread-safe;
/// <see cref="Save"/> runs once the index is built.
/// </summary>
public sealed class SearchAnalysisCache(string cacheDirectory)
{
    /// <summary>Differs from the first bytes of any other layout this file had, so an older pack reads as empty.</summary>
    static readonly byte[] Magic = "ASsearch2"u8.ToArray();
    const int ChecksumBytes = 16;

    readonly Lazy<Pack> _kept = new(() => Load(Path.Combine(cacheDirectory, "search.pack")));
    readonly ConcurrentDictionary<string, AnalyzedBatch> _used = new(StringComparer.Ordinal);
    int _reused;
    int _added;

    public string PackPath { get; } = Path.Combine(cacheDirectory, "search.pack");

    /// <summary>How many transcripts' analyses this build took from the pack.</summary>
    public int Reused => _reused;

    /// <summary>The vocabulary the kept analyses are numbered in; <see cref="Put"/>'s analyses must be numbered in it too.</summary>
    public SharedVocabulary Vocabulary => _kept.Value.Vocabulary;

    /// <summary>
    /// The key of one transcript's documents: everything their analysis is made from (each field's value, in
    /// order, length-prefixed) and the program version, which covers the analyser's code.
    /// </summary>
    public static string Key(IEnumerable<SearchDocument> documents)
    {
        var hash = new XxHash128();
        Append(hash, "search");
        Append(hash, ProgramVersion.Hash);
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

    /// <summary>The analysis kept under <paramref name="key"/>; null when there is none.</summary>
    public AnalyzedBatch? Get(string key)
    {
        if (!_kept.Value.Batches.TryGetValue(key, out var batch))
            return null;
        _used[key] = batch;
        Interlocked.Increment(ref _reused);
        return batch;
    }

    /// <summary>Keeps an analysis, numbered in <see cref="Vocabulary"/>, for the next build.</summary>
    public void Put(string key, AnalyzedBatch batch)
    {
        _used[key] = batch;
        Interlocked.Increment(ref _added);
    }

    /// <summary>
    /// Writes the pack of the analyses this build used, its vocabulary cut to their terms and sorted, unless it
    /// already holds exactly those. A cache that cannot be written only costs time, so that is not an error.
    /// </summary>
    public void Save()
    {
        if (_added == 0 && _used.Count == _kept.Value.Batches.Count)
            return;
        var keys = _used.Keys.Order(StringComparer.Ordinal).ToArray();
        var (vocabulary, batches) = Vocabulary.Compact([.. keys.Select(key => _used[key])]);
        try
        {
            AtomicFile.Write(PackPath, stream =>
            {
                var checksum = new XxHash128();
                using var writer = new BinaryWriter(new ChecksummedStream(stream, checksum), Encoding.UTF8);
                writer.Write(Magic);
                writer.Write(vocabulary.Count);
                for (var t = 0; t < vocabulary.Count; t++)
                    writer.Write(vocabulary[t]);
                writer.Write(keys.Length);
                for (var b = 0; b < keys.Length; b++)
                {
                    writer.Write(keys[b]);
                    writer.Write(batches[b].DocumentCount);
                    writer.Write(batches[b].FieldCount);
                    writer.Write(batches[b].TermIds.Length);
                    writer.Write(MemoryMarshal.AsBytes(batches[b].FieldEnds));
                    writer.Write(MemoryMarshal.AsBytes(batches[b].TermIds));
                    writer.Write(MemoryMarshal.AsBytes(batches[b].Frequencies));
                }
                writer.Flush();
                stream.Write(checksum.GetCurrentHash());
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    sealed record Pack(SharedVocabulary Vocabulary, IReadOnlyDictionary<string, AnalyzedBatch> Batches)
    {
        public static Pack Empty => new(new SharedVocabulary(), new Dictionary<string, AnalyzedBatch>());
    }

    /// <summary>The kept vocabulary and analyses; empty when there is no pack or it is not a whole, undamaged one of this layout.</summary>
    static Pack Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Pack.Empty;
        }
        // The arrays are kept as the machine holds them; a big-endian machine just starts without a cache.
        if (!BitConverter.IsLittleEndian || bytes.Length < Magic.Length + ChecksumBytes || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)
            || !XxHash128.Hash(bytes.AsSpan(0, bytes.Length - ChecksumBytes)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - ChecksumBytes)))
            return Pack.Empty;
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, Magic.Length, bytes.Length - ChecksumBytes - Magic.Length, writable: false), Encoding.UTF8);
            var terms = new string[ReadCount(reader)];
            for (var t = 0; t < terms.Length; t++)
                terms[t] = reader.ReadString();
            var vocabulary = new SharedVocabulary(terms);
            var batches = new Dictionary<string, AnalyzedBatch>(StringComparer.Ordinal);
            var batchCount = ReadCount(reader);
            for (var b = 0; b < batchCount; b++)
            {
                var key = reader.ReadString();
                var documentCount = ReadCount(reader);
                var fieldCount = ReadCount(reader);
                var entries = ReadCount(reader);
                var batch = new AnalyzedBatch(documentCount, fieldCount, ReadInts(reader, (long)documentCount * fieldCount), ReadInts(reader, entries), ReadInts(reader, entries));
                foreach (var id in batch.TermIds)
                    if (id >= terms.Length)
                        return Pack.Empty;
                batches[key] = batch;
            }
            return reader.BaseStream.Position == reader.BaseStream.Length ? new Pack(vocabulary, batches) : Pack.Empty;
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or ArgumentException or DecoderFallbackException)
        {
            return Pack.Empty;
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

    static int[] ReadInts(BinaryReader reader, long count)
    {
        var stream = (MemoryStream)reader.BaseStream;
        if (count * sizeof(int) > stream.Length - stream.Position)
            throw new EndOfStreamException();
        var values = new int[count];
        stream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
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
