namespace ArchiveSite.Download;

/// <summary>
/// Some bytes of an entry as they go into the zip (compressed already, or stored), wherever they wait until
/// the zip is written: in memory, in a file of the site, or in the last build's zip.
/// </summary>
public abstract record Piece(long Length)
{
    /// <summary>Copies the bytes to <paramref name="output"/>.</summary>
    public abstract void CopyTo(Stream output);
}

/// <summary>Bytes compressed in this build.</summary>
public sealed record MemoryPiece(byte[] Bytes) : Piece(Bytes.Length)
{
    public override void CopyTo(Stream output) => output.Write(Bytes);
}

/// <summary>A whole file of the site, read when the zip is written (images are too big to keep in memory).</summary>
public sealed record FilePiece(string Path, long Length) : Piece(Length)
{
    public override void CopyTo(Stream output)
    {
        using var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        if (file.Length != Length)
            throw new IOException($"'{Path}' changed while the download was written: {file.Length} bytes, not {Length}");
        file.CopyTo(output, PreviousZip.CopyBufferLength);
    }
}

/// <summary>Bytes of the last build's zip, from <paramref name="Offset"/>.</summary>
public sealed record ZipPiece(PreviousZip Zip, long Offset, long Length) : Piece(Length)
{
    public override void CopyTo(Stream output) => Zip.CopyTo(output, Offset, Length);
}
