using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Runtime.CompilerServices;

namespace ArchiveSite.Output;

/// <summary>
/// Parts hashed as one (<see cref="ContentHash.OfParts"/>): each led by its length in UTF-8 bytes, so that moving text
/// from one part to the next changes the hash, and an absent part is the part "\0". The parts are gathered in one pooled
/// buffer and hashed at once, as a rebuild fingerprints 13,800 pages of a few short values each; parts beyond 64 KB are
/// hashed as the buffer fills, as a build hashes every file's path and hash (88,000 parts for 1,000 transcripts).
/// </summary>
public sealed class HashedParts
{
    const int MostBuffered = 1 << 16;

    byte[] _buffer = ArrayPool<byte>.Shared.Rent(1024);
    int _used;
    IncrementalHash? _streamed;

    // AggressiveOptimization keeps these hot loops JIT-compiled: crossgen2 skips them (ReadyToRunPackages.targets).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public HashedParts Add(string? value)
    {
        value ??= "\0";
        var most = sizeof(int) + Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_buffer.Length - _used < most)
            MakeRoom(most);
        if (_buffer.Length - _used < most)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_used), bytes.Length);
            _used += sizeof(int);
            Flush();
            _streamed!.AppendData(bytes);
            return this;
        }
        var length = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_used + sizeof(int)));
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_used), length);
        _used += sizeof(int) + length;
        return this;
    }

    public HashedParts Add(int? value) => Add(value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>The hash of the parts; the parts are let go, so this is the last call.</summary>
    public string Hash()
    {
        string hash;
        if (_streamed is null)
            hash = ContentHash.Of(_buffer.AsSpan(0, _used));
        else
        {
            Flush();
            hash = ContentHash.Hex(_streamed.GetHashAndReset());
            _streamed.Dispose();
            _streamed = null;
        }
        if (_buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _used = 0;
        return hash;
    }

    /// <summary>A buffer with room for <paramref name="needed"/> more bytes, up to 64 KB; past that, what it holds is hashed and it starts again.</summary>
    void MakeRoom(int needed)
    {
        if (_buffer.Length < MostBuffered)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Min(MostBuffered, Math.Max(2 * _buffer.Length, _used + needed)));
            _buffer.AsSpan(0, _used).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        if (_buffer.Length - _used < needed)
            Flush();
    }

    void Flush()
    {
        _streamed ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        _streamed.AppendData(_buffer, 0, _used);
        _used = 0;
    }
}
