using ArchiveSite.Output;

namespace ArchiveSite.Tests.Output;

public sealed class ModelFingerprintTests
{
    sealed record Item(string Text, int Number, IReadOnlyList<string> Tags);

    static Item Make(int i) => new(new string((char)('a' + i % 26), 10 + i * 97 % 9000), i, [$"tag{i}", "shared"]);

    [Fact]
    public void Fingerprints_made_at_once_on_every_core_equal_those_made_one_by_one_and_tell_models_apart()
    {
        var items = Enumerable.Range(0, 400).Select(Make).ToList();

        var oneByOne = items.Select(item => ModelFingerprint.Of(item)).ToList();
        var atOnce = items.AsParallel().AsOrdered().Select(item => ModelFingerprint.Of(item)).ToList();

        Assert.Equal(oneByOne, atOnce);
        Assert.Equal(items.Count, oneByOne.Distinct().Count());
        Assert.Equal(ModelFingerprint.Of(Make(7)), ModelFingerprint.Of(Make(7)));
        Assert.NotEqual(ModelFingerprint.Of(Make(7)), ModelFingerprint.Of(Make(7) with { Tags = ["tag7", "other"] }));
    }

    [Fact]
    public void Text_moved_from_one_value_to_the_next_changes_the_fingerprint()
    {
        Assert.NotEqual(ModelFingerprint.Of("ab", "c"), ModelFingerprint.Of("a", "bc"));
        Assert.NotEqual(ModelFingerprint.Of(new string('x', 5000), "y"), ModelFingerprint.Of(new string('x', 5001), ""));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(2040)]
    [InlineData(5000)]
    public void A_fingerprint_is_the_hash_of_the_models_bytes_whether_they_fit_one_buffer_or_not(int length)
    {
        var text = new string('q', length);
        byte[] bytes = [(byte)'s', .. BitConverter.GetBytes(text.Length), .. System.Runtime.InteropServices.MemoryMarshal.AsBytes(text.AsSpan())];

        Assert.Equal(ContentHash.Of(bytes), ModelFingerprint.Of(text));
    }
}
