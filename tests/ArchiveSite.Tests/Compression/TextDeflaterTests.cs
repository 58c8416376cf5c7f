using System.IO.Compression;
using System.Text;
using ArchiveSite.Build;
using ArchiveSite.Compression;
using ArchiveSite.Download;
using ArchiveSite.Tests.Build;
using ArchiveSite.Tests.Support;
using CsCheck;

namespace ArchiveSite.Tests.Compression;

public sealed class TextDeflaterTests
{
    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("ab")]
    [InlineData("abc")]
    [InlineData("abcd")]
    [InlineData("abcdabcd")]
    public void Empty_and_tiny_inputs_inflate_back(string text) => AssertRoundTrips(Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData(5)]
    [InlineData(258)]
    [InlineData(259)]
    [InlineData(262)]
    [InlineData(100_000)]
    [InlineData(3_000_000)]
    public void Runs_of_one_byte_inflate_back_and_shrink(int length)
    {
        var data = new byte[length];
        Array.Fill(data, (byte)'x');
        var compressed = AssertRoundTrips(data);
        if (length >= 1000)
            Assert.True(compressed.Length < length / 100, $"{compressed.Length} bytes for a run of {length}");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public void Random_bytes_repeated_32768_bytes_later_are_matched_at_the_longest_distance(int copies)
    {
        // Random bytes have no match but their copy a whole window back: the stream is small only if the
        // matches at distance 32,768 (and of length 258) are found and written right.
        var block = new byte[32768];
        new Random(5).NextBytes(block);
        var data = Enumerable.Repeat(block, copies).SelectMany(b => b).ToArray();

        var compressed = AssertRoundTrips(data);

        Assert.InRange(compressed.Length, block.Length, block.Length + 2000 * copies);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    [InlineData(70_000)]
    [InlineData(300_000)]
    public void Random_bytes_are_stored_at_their_length_and_five_bytes_a_piece_of_65535(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);

        var compressed = AssertRoundTrips(data);

        Assert.True(compressed.Length <= length + 5 * (length / 65535 + 1) + 5 * (length / 32768 + 1),
            $"{compressed.Length} bytes for {length} random bytes");
    }

    [Fact]
    public void Megabytes_of_text_in_many_blocks_inflate_back()
    {
        // Words of a small vocabulary in random order: repeats at every distance, more tokens than a block holds.
        var random = new Random(3);
        var words = Enumerable.Range(0, 2000).Select(i => new string((char)('a' + i % 26), 1 + i % 7) + i).ToArray();
        var text = new StringBuilder();
        while (text.Length < 4_000_000)
            text.Append(words[random.Next(words.Length)]).Append(random.Next(9) == 0 ? ".\n" : " ");
        var data = Encoding.UTF8.GetBytes(text.ToString());

        var compressed = AssertRoundTrips(data);

        Assert.True(compressed.Length < data.Length / 2, $"{compressed.Length} bytes for {data.Length} of text");
    }

    [Fact]
    public void Skewed_counts_deeper_than_fifteen_bits_get_limited_codes_that_inflate()
    {
        AssertRoundTrips(DeflateTestData.SkewedCounts());
    }

    [Fact]
    public void Random_and_mutated_inputs_inflate_back()
    {
        // Pieces as text has them: bytes of a small or the whole alphabet, runs, and copies of earlier bytes at
        // any distance, some of them changed here and there.
        var piece = Gen.Select(Gen.Int[0, 3], Gen.Int[1, 255], Gen.Int[1, 3000], Gen.Int[1, 40000]);
        Gen.Select(Gen.Int[0, 1000], piece.Array[0, 30]).Sample((seed, pieces) =>
        {
            var data = new List<byte>();
            var random = new Random(seed);
            foreach (var (kind, alphabet, length, distance) in pieces)
                for (var i = 0; i < length; i++)
                    data.Add(kind switch
                    {
                        0 => (byte)random.Next(alphabet + 1),
                        1 => (byte)alphabet,
                        2 when data.Count >= distance && random.Next(50) > 0 => data[^distance],
                        _ => (byte)('a' + random.Next(4)),
                    });
            AssertRoundTrips([.. data]);
        }, iter: 150);
    }

    [Fact]
    public async Task The_same_input_gives_the_same_bytes_after_other_inputs_and_on_other_threads()
    {
        var text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 3000).Select(i => $"<p id=\"t-{i}\">turn {i % 37}</p>\n")));
        var first = TextDeflater.Deflate(text).ToArray();
        var big = new byte[200_000];
        new Random(9).NextBytes(big);
        TextDeflater.Deflate(big);
        TextDeflater.Deflate(text.AsSpan(0, 100));

        Assert.Equal(first, TextDeflater.Deflate(text).ToArray());
        Assert.Equal(first, await Task.Run(() => TextDeflater.Deflate(text).ToArray()));
    }

    [Fact]
    public void Every_text_file_of_the_sample_site_inflates_back_and_is_no_bigger_than_zlibs_fastest()
    {
        var output = Path.Combine(Path.GetTempPath(), "textdeflater-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = SiteBuilder.Build(Path.Combine(RepoPaths.Root, "input"), output, BuiltSite.Theme);
            Assert.True(result.Succeeded, string.Join('\n', result.Errors));
            var files = ArchiveZip.FilesOf(output).Where(f => CompressedFile.ShouldDeflate(f.EntryName)).ToList();
            Assert.True(files.Count > 20);
            long ours = 0, fastest = 0;
            foreach (var file in files)
            {
                var data = File.ReadAllBytes(file.FullPath);
                ours += AssertRoundTrips(data).Length;
                fastest += CompressedFile.ZLibDeflate(data, 1).Length;
            }
            Assert.True(ours < fastest, $"{ours} bytes, zlib level 1 {fastest}");
        }
        finally
        {
            if (Directory.Exists(output))
                Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void Zip_entries_other_than_search_shards_are_deflated_by_it()
    {
        var html = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>The same turn, said again.</p>\n", 200)));
        Assert.Equal(TextDeflater.Deflate(html).ToArray(), CompressedFile.DeflateAs("transcripts/a.html", html));
        Assert.Equal(CompressedFile.ZLibDeflate(html, CompressedFile.DeflateLevel, ZLibCompressionStrategy.RunLengthEncoding),
            CompressedFile.DeflateAs("search/s3.js", html));
    }

    /// <returns>The compressed bytes.</returns>
    static byte[] AssertRoundTrips(byte[] data)
    {
        var compressed = TextDeflater.Deflate(data).ToArray();
        using var inflater = new DeflateStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        inflater.CopyTo(inflated);
        Assert.Equal(data, inflated.ToArray());
        return compressed;
    }
}
