using System.Security.Cryptography;
using System.Text;
using ArchiveSite.Output;

namespace ArchiveSite.Tests.Output;

public sealed class ContentHashTests
{
    /// <summary>What <see cref="ContentHash.OfParts"/> hashes, written out plainly: each part's UTF-8 length, then its bytes.</summary>
    static string Expected(params string[] parts)
    {
        var bytes = new MemoryStream();
        foreach (var part in parts)
        {
            var utf8 = Encoding.UTF8.GetBytes(part);
            bytes.Write(BitConverter.GetBytes(utf8.Length));
            bytes.Write(utf8);
        }
        return ContentHash.Hex(SHA256.HashData(bytes.ToArray()));
    }

    [Fact]
    public void Parts_hash_as_their_lengths_and_bytes_across_buffer_fills_and_parts_larger_than_the_buffer()
    {
        var many = Enumerable.Range(0, 20_000).Select(i => $"transcripts/{i}-Grüße-说.html").ToArray();
        Assert.Equal(Expected(many), ContentHash.OfParts(many));
        string[] huge = ["before", new string('é', 100_000), "after"];
        Assert.Equal(Expected(huge), ContentHash.OfParts(huge));
        Assert.Equal(Expected(), ContentHash.OfParts([]));
    }

    [Fact]
    public void Moving_text_from_one_part_to_the_next_changes_the_hash()
    {
        Assert.NotEqual(ContentHash.OfParts(["ab", "c"]), ContentHash.OfParts(["a", "bc"]));
        Assert.NotEqual(ContentHash.OfParts(["a", ""]), ContentHash.OfParts(["a"]));
        Assert.Equal(ContentHash.OfParts(["a", "bc"]), ContentHash.OfParts(["a", "bc"]));
    }
}
