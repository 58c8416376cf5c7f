using ArchiveSite.Archive;
using ArchiveSite.Build;
using ArchiveSite.Output;

namespace ArchiveSite.Tests.Build;

public sealed class ProcessedBinaryTests : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("processed-cache-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    static IReadOnlyList<ArchivedTranscript> Processed() => ProcessPhase.Run(TestTranscripts.SampleInput());

    [Fact]
    public void Every_field_of_the_sample_archive_survives_the_round_trip()
    {
        var processed = Processed();
        Assert.Contains(processed, p => p.Passages.Count > 0 && p.Quotes.Count > 0 && p.SeriesId is not null);

        foreach (var original in processed)
        {
            var copy = ProcessedBinary.FromBytes(ProcessedBinary.ToBytes(original), original.Source);

            Assert.NotNull(copy);
            Assert.Equal(ModelFingerprint.Of(original), ModelFingerprint.Of(copy));
            Assert.Equal(original.StemCounts.Select(p => p.Key), copy.StemCounts.Select(p => p.Key));
        }
    }

    [Fact]
    public void Entries_read_through_one_pool_equal_the_originals_and_share_one_string_per_stem()
    {
        var processed = Processed();
        var stems = new StringPool();

        var copies = processed.Select(original => ProcessedBinary.FromBytes(ProcessedBinary.ToBytes(original), original.Source, stems)!).ToList();

        for (var i = 0; i < processed.Count; i++)
            Assert.Equal(ModelFingerprint.Of(processed[i]), ModelFingerprint.Of(copies[i]));
        var shared = copies[0].StemCounts.Select(p => p.Key).Intersect(copies[1].StemCounts.Select(p => p.Key), StringComparer.Ordinal).ToList();
        Assert.NotEmpty(shared);
        Assert.All(shared, stem => Assert.Same(copies[0].StemCounts.Select(p => p.Key).Single(k => k == stem), copies[1].StemCounts.Select(p => p.Key).Single(k => k == stem)));
        // Each stem has one number, below the pool's bound, whichever entry it was read in.
        var numbers = copies.Select(c => (NumberedStemCounts)c.StemCounts)
            .SelectMany(c => c.Counts.Select((pair, i) => (Stem: pair.Key, Number: c.Numbers[i]))).Distinct().ToList();
        Assert.Equal(numbers.Count, numbers.Select(n => n.Stem).Distinct().Count());
        Assert.Equal(numbers.Count, numbers.Select(n => n.Number).Distinct().Count());
        Assert.All(numbers, n => Assert.InRange(n.Number, 0, stems.NumberBound - 1));
    }

    [Fact]
    public void A_pool_gives_the_text_utf8_decoding_gives_and_one_instance_for_equal_text()
    {
        var pool = new StringPool();
        byte[] invalid = [0x61, 0xFF, 0x62];
        var longText = new string('é', 100);

        Assert.Equal("a\uFFFDb", pool.Get(invalid));
        Assert.Same(pool.Get("stem"u8), pool.Get("stem"u8));
        Assert.Equal("naïve", pool.Get(System.Text.Encoding.UTF8.GetBytes("naïve")));
        Assert.Equal(longText, pool.Get(System.Text.Encoding.UTF8.GetBytes(longText)));
        Assert.Equal("", pool.Get([]));
    }

    [Fact]
    public void Truncated_or_foreign_bytes_are_nothing()
    {
        var original = Processed()[0];
        var bytes = ProcessedBinary.ToBytes(original);

        Assert.Null(ProcessedBinary.FromBytes(bytes[..^1], original.Source));
        Assert.Null(ProcessedBinary.FromBytes((byte[])[.. bytes, 0], original.Source));
        Assert.Null(ProcessedBinary.FromBytes((byte[])[1, 0, 0, 0, 255, 255, 255, 255, 255], original.Source));
        Assert.Null(ProcessedBinary.FromBytes([], original.Source));
    }

    /// <summary>
    /// The cache format writes these properties (but <see cref="ArchivedTranscript.Key"/>, the entry's key in the pack,
    /// which reading it sets); a property added to the records must be added there too.
    /// </summary>
    [Theory]
    [InlineData(typeof(ArchivedTranscript),
        "Key NextSlug Passages PersonIdBySpeaker PreviousSlug Quotes RelatedSlugs SeriesId Slug Source Speaking StemCounts Title TopicIds")]
    [InlineData(typeof(Passage), "Excerpt Hits PersonId Score TopicId TranscriptSlug Turn")]
    [InlineData(typeof(ArchivedQuote), "Id Line PersonId Section Text TranscriptSlug Turn")]
    [InlineData(typeof(SpokenTurns), "FirstSpeakerId PersonId Turns Words")]
    public void The_cache_format_knows_every_property_of_the_records(Type type, string properties) =>
        Assert.Equal(properties, string.Join(' ', type.GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal)));

    [Fact]
    public void A_later_build_gets_what_process_made_from_the_cache_and_a_registry_change_processes_again()
    {
        var input = TestTranscripts.SampleInput();
        var keyed = input with { Hash = "h", Keys = [.. input.Transcripts.Select(t => "key of " + t.Slug)] };
        var first = ProcessPhase.Run(keyed, cacheDirectory: _root);
        Assert.Contains(first, p => p.TopicIds.Count > 0);

        // The same keys with the turns emptied: only a run that reads the cache still finds topics.
        var emptied = keyed with { Transcripts = [.. keyed.Transcripts.Select(t => t with { Sections = [] })] };
        var second = ProcessPhase.Run(emptied, cacheDirectory: _root);
        Assert.Equal(first.Select(p => ModelFingerprint.Of(p with { Source = p.Source with { Sections = [] } })),
            second.Select(p => ModelFingerprint.Of(p)));

        var fewerTopics = emptied with { Registries = emptied.Registries with { Topics = [.. emptied.Registries.Topics.Skip(1)] } };
        var reprocessed = ProcessPhase.Run(fewerTopics, cacheDirectory: _root);
        Assert.Equal(ProcessPhase.Run(fewerTopics).Select(p => ModelFingerprint.Of(p)), reprocessed.Select(p => ModelFingerprint.Of(p with { Key = null })));
        Assert.All(reprocessed.Zip(fewerTopics.Keys!), pair => Assert.Equal(new ProcessedCache(_root, fewerTopics.Registries).Key(pair.Second), pair.First.Key));
    }
}
