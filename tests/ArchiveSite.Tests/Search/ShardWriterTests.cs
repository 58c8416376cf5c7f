using System.Text.Json;
using ArchiveSite.Search;
using CsCheck;

namespace ArchiveSite.Tests.Search;

public sealed class ShardWriterTests
{
    [Theory]
    [InlineData("apple", "apricot", "apr")]
    [InlineData("a", "b", "b")]
    [InlineData("ab", "abc", "abc")]
    [InlineData("abc", "abd", "abd")]
    [InlineData("", "zebra", "z")]
    [InlineData("Zulu", "alpha", "a")]
    public void A_separator_is_the_shortest_prefix_of_the_first_term_after_the_previous_term(string previous, string first, string expected)
    {
        var separator = ShardWriter.Separator(previous, first);
        Assert.Equal(expected, separator);
        Assert.True(string.CompareOrdinal(previous, separator) < 0);
        Assert.True(string.CompareOrdinal(separator, first) <= 0);
    }

    [Fact]
    public void A_separator_never_splits_a_surrogate_pair()
    {
        var separator = ShardWriter.Separator("\U0001F600a", "\U0001F600b");
        Assert.Equal("\U0001F600b", separator);
        Assert.Equal("\U0001F601", ShardWriter.Separator("\U0001F600zz", "\U0001F601zz"));
    }

    [Theory]
    [InlineData("search/s0.js", true)]
    [InlineData("search/s527.js", true)]
    [InlineData("archive/search/s12.js", true)]
    [InlineData("search/g3.js", false)]
    [InlineData("search/d12-0.js", false)]
    [InlineData("search/s.js", false)]
    [InlineData("search/s1a.js", false)]
    [InlineData("search/s1.json", false)]
    [InlineData("research/s1.js", false)]
    [InlineData("s1.js", false)]
    [InlineData("search/sub/s1.js", false)]
    public void A_shard_path_is_told_from_every_other_search_file(string path, bool expected)
    {
        Assert.Equal(expected, ShardWriter.IsShardPath(path));
        Assert.True(ShardWriter.IsShardPath(ShardWriter.ShardPath(9)));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(4, 2)]
    [InlineData(5, 3)]
    [InlineData(4000, 64)]
    public void Groups_hold_about_the_square_root_of_the_shard_count(int shards, int expected) =>
        Assert.Equal(expected, ShardWriter.GroupSize(shards));

    /// <summary>Lists long enough to be radix sorted and short ones, weights repeated and up to 2^24 thousandths (three sort bytes).</summary>
    static readonly Gen<(int Document, long Thousandths)[][]> FieldLists =
        Gen.Select(Gen.Int[0, 700], Gen.Int[1, 40], Gen.Int[0, 2], (count, distinct, scale) => (count, distinct, scale))
            .SelectMany(shape => Gen.Long[0, shape.scale switch { 0 => 60, 1 => 70_000, _ => 16_000_000 }].Array[shape.distinct]
                .SelectMany(weights => Gen.Int[0, weights.Length - 1].Array[shape.count].Select(picks =>
                    picks.Select((pick, i) => (Document: 3 * i + pick % 3, Thousandths: weights[pick])).ToArray())))
            .Array[2];

    [Fact]
    public void Each_field_lists_its_postings_by_weight_then_document_whichever_way_the_source_holds_them()
    {
        FieldLists.Array[1, 4].Sample(terms =>
        {
            var documentCount = 1 + terms.SelectMany(fields => fields).SelectMany(list => list).Select(p => p.Document).DefaultIfEmpty(0).Max();
            var plain = new ShardSource("2.3.9", ["a", "b"], documentCount, [.. terms.Select((fields, t) => new IndexTerm($"term{t}", t,
                [.. fields.Select(list => (IReadOnlyList<Posting>)[.. list.Select(p => new Posting(p.Document, p.Thousandths / 1000.0))])]))]);
            var lists = terms.SelectMany(fields => fields).ToArray();
            var starts = new int[lists.Length + 1];
            for (var l = 0; l < lists.Length; l++)
                starts[l + 1] = starts[l] + lists[l].Length;
            var byTerm = ShardSource.FromIndex(new Lunr.PackedIndexByTerm(["a", "b"], documentCount, [.. terms.Select((_, t) => $"term{t}")],
                [.. terms.Select((_, t) => t)], starts, [.. lists.SelectMany(list => list.Select(p => Lunr.PackedIndexByTerm.Pack(p.Document, p.Thousandths)))]));

            var written = new ShardWriter(4_000).Write(plain);
            Assert.Equal(written.Select(f => f.Content), new ShardWriter(4_000).Write(byTerm).Select(f => f.Content));
            var entries = written.Where(f => f.Path.StartsWith("search/s", StringComparison.Ordinal)).SelectMany(f => Entries(f, 2)).ToArray();
            Assert.Equal(terms.Length, entries.Length);
            for (var t = 0; t < terms.Length; t++)
                for (var f = 0; f < 2; f++)
                    Assert.Equal(terms[t][f].OrderBy(p => p.Thousandths).ThenBy(p => p.Document), Decoded(entries[t][2 + f].GetString()!));
        });
    }

    /// <summary>A shard's entries: its payload is one flat array of term, index and a posting string per field, term after term.</summary>
    static IEnumerable<JsonElement[]> Entries(SearchFile shard, int fieldCount)
    {
        var content = shard.Content;
        var payload = content[(content.IndexOf(",[", StringComparison.Ordinal) + 1)..content.LastIndexOf(')')];
        using var document = JsonDocument.Parse(payload);
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone()).Chunk(2 + fieldCount)];
    }

    /// <summary>A posting string as the browser reads it: per weight group the weight gap, the count, then document gaps.</summary>
    static List<(int Document, long Thousandths)> Decoded(string postings)
    {
        var numbers = PostingEncoding.Decode(postings);
        var decoded = new List<(int, long)>();
        long weight = 0;
        for (var i = 0; i < numbers.Count;)
        {
            weight += numbers[i];
            var count = numbers[i + 1];
            i += 2;
            long document = 0;
            for (var k = 0; k < count; k++, i++)
            {
                document += numbers[i];
                decoded.Add(((int)document, weight));
            }
        }
        return decoded;
    }
}
