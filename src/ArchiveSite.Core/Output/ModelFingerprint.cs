using System.Buffers;
using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace ArchiveSite.Output;

/// <summary>
/// A hash of everything an object graph holds as a template would see it: strings and numbers, the items of
/// lists and dictionaries, and every public property of other objects, recursively. Two page models with the
/// same fingerprint render the same, so a page whose fingerprint did not change need not be rendered again.
/// </summary>
public sealed class ModelFingerprint
{
    /// <summary>Page models are shallow; a graph this deep is a cycle or a model that holds far more than a page needs.</summary>
    const int MaxDepth = 64;

    static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    /// <summary>Bytes gathered before they are hashed: a model is mostly short values, and hashing each on its own cost more than hashing.</summary>
    const int BufferSize = 4096;

    /// <summary>Made only for a model of more than one buffer: most page models fit in one, which is hashed at once.</summary>
    IncrementalHash? _hash;
    // Rented: a new buffer for each of the 13,800 pages of 1,000 transcripts was 56 MB of garbage in every rebuild.
    readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    int _buffered;

    public static string Of(params object?[] values)
    {
        var fingerprint = new ModelFingerprint();
        try
        {
            foreach (var value in values)
                fingerprint.Add(value, 0);
            if (fingerprint._hash is null)
                return ContentHash.Of(fingerprint._buffer.AsSpan(0, fingerprint._buffered));
            fingerprint.Flush();
            return ContentHash.Hex(fingerprint._hash.GetHashAndReset());
        }
        finally
        {
            // Disposed at once: left to the finalizer, the native hash states of 25,000 page fingerprints kept the
            // finalizer thread busier than the fingerprinting itself.
            fingerprint._hash?.Dispose();
            ArrayPool<byte>.Shared.Return(fingerprint._buffer);
        }
    }

    void Add(object? value, int depth)
    {
        if (depth > MaxDepth)
            throw new InvalidOperationException($"a page model nests deeper than {MaxDepth} levels; is there a cycle?");
        switch (value)
        {
            case null:
                Tag('n');
                break;
            case string text:
                Tag('s');
                Text(text);
                break;
            case bool or char or int or long or double or decimal or float or short or byte or uint or ulong or Enum
                or DateOnly or DateTime or DateTimeOffset or TimeSpan or Guid:
                Tag('v');
                Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                break;
            case IFingerprinted part:
                Tag('k');
                Text(part.Fingerprint);
                break;
            case IEnumerable items:
                Tag('[');
                foreach (var item in items)
                    Add(item, depth + 1);
                Tag(']');
                break;
            default:
                Tag('{');
                foreach (var property in Properties.GetOrAdd(value.GetType(), ReadableProperties))
                    Add(property.GetValue(value), depth + 1);
                Tag('}');
                break;
        }
    }

    static PropertyInfo[] ReadableProperties(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .OrderBy(p => p.Name, StringComparer.Ordinal)];

    void Tag(char tag) => Append([(byte)tag]);

    void Text(string text)
    {
        Span<byte> length = stackalloc byte[sizeof(int)];
        BitConverter.TryWriteBytes(length, text.Length);
        Append(length);
        Append(MemoryMarshal.AsBytes(text.AsSpan()));
    }

    void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > BufferSize - _buffered)
        {
            Flush();
            if (bytes.Length > BufferSize)
            {
                _hash!.AppendData(bytes);
                return;
            }
        }
        bytes.CopyTo(_buffer.AsSpan(_buffered));
        _buffered += bytes.Length;
    }

    void Flush()
    {
        _hash ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        _hash.AppendData(_buffer.AsSpan(0, _buffered));
        _buffered = 0;
    }
}
