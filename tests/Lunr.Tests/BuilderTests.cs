using Lunr.Tests.Support;

namespace Lunr.Tests;

public sealed class BuilderTests
{
    [Fact]
    public void Rejects_a_field_name_containing_a_slash()
    {
        var error = Assert.Throws<ArgumentException>(() => new Builder().Field("a/b"));
        Assert.Contains("illegal character '/'", error.Message);
    }

    [Fact]
    public void Rejects_a_document_without_a_ref_naming_the_ref_field()
    {
        var builder = new Builder();
        builder.Ref("slug");
        builder.Field("text");

        var error = Assert.Throws<ArgumentException>(() => builder.Add(new Dictionary<string, string> { ["text"] = "hello" }));
        Assert.Contains("'slug'", error.Message);
    }

    [Fact]
    public void Rejects_a_field_defined_after_documents_were_added()
    {
        var builder = new Builder();
        builder.Field("text");
        builder.Add(new Dictionary<string, string> { ["id"] = "a", ["text"] = "hello" });

        Assert.Throws<InvalidOperationException>(() => builder.Field("title"));
    }

    [Fact]
    public void Exposes_postings_and_vectors_for_readers_of_the_index()
    {
        var builder = new Builder();
        builder.Field("title", boost: 2);
        builder.Field("body");
        builder.Add(new Dictionary<string, string> { ["id"] = "a", ["title"] = "Pacing", ["body"] = "paced pacing" });
        builder.Add(new Dictionary<string, string> { ["id"] = "b", ["body"] = "insula" });

        var index = builder.Build();

        Assert.Equal(["title", "body"], index.Fields);
        Assert.Equal(["stemmer"], index.Pipeline);
        Assert.Equal(["insula", "pace"], index.InvertedIndex.Select(e => e.Term));
        var pace = index.InvertedIndex.Single(e => e.Term == "pace").Posting;
        Assert.Equal(0, pace.Index);
        Assert.Equal(["a"], pace.DocRefsByField[0]);
        Assert.Equal(["a"], pace.DocRefsByField[1]);
        Assert.Equal(["title/a", "body/a", "title/b", "body/b"], index.FieldVectors.Select(v => v.FieldRef.ToString()));
        Assert.Empty(index.FieldVectors[2].Vector.Elements);
        Assert.Equal(0, index.FieldVectors[1].Vector.Elements.Single().TermIndex);
        Assert.True(index.FieldVectors[0].Vector.Elements.Single().Weight > index.FieldVectors[1].Vector.Elements.Single().Weight / 2);
    }

    [Fact]
    public void Field_refs_split_at_the_first_slash()
    {
        Assert.Equal(new FieldRef("text", "transcripts/a.html#t-1"), FieldRef.FromString("text/transcripts/a.html#t-1"));
        Assert.Throws<FormatException>(() => FieldRef.FromString("no-joiner"));
    }

    [Fact]
    public void Orders_keys_as_javascript_objects_do()
    {
        string[] keys = ["x", "10", "2", "010", "-1", "4294967294", "4294967295", "0", "_index"];

        Assert.Equal(["0", "2", "10", "4294967294", "x", "010", "-1", "4294967295", "_index"], JavaScriptObjectKeys.Order(keys, k => k));
    }

    [Theory]
    [InlineData("0 1 2 10", "0 1 2 10")]
    [InlineData("0 2 1", "0 1 2")]
    [InlineData("1 2 x 0", "0 1 2 x")]
    [InlineData("x 1", "1 x")]
    [InlineData("3 3", "3 3")]
    [InlineData("b a", "b a")]
    public void Orders_ascending_and_out_of_order_indices_alike(string insertionOrder, string expected) =>
        Assert.Equal(expected.Split(' '), JavaScriptObjectKeys.Order(insertionOrder.Split(' '), k => k));

    [Fact]
    [Trait("Category", "Shared")]
    public void Builds_the_same_bytes_every_time_from_a_large_corpus()
    {
        var texts = Directory.GetFiles(RepoPaths.SharedFile("corpus/real"))
            .Where(f => !f.EndsWith("README.md", StringComparison.Ordinal))
            .Append(RepoPaths.SharedFile("seeds/000_6031f5502a71255c.txt"))
            .SelectMany(f => FixtureCorpus.Paragraphs(File.ReadAllText(f), int.MaxValue).Documents)
            .Select((d, i) => new CorpusDocument(new()
            {
                ["id"] = $"d{i}",
                ["text"] = d.Values["text"],
                ["speaker"] = $"speaker {i % 17}",
                ["title"] = $"title {i % 5} {d.Values["text"].Split(' ')[0]}",
            }))
            .ToList();
        var corpus = new CorpusDefinition("id", [new("text", 1), new("speaker", 10), new("title", 5)], texts);

        var first = corpus.BuildInCSharp().ToJson();

        Assert.True(texts.Count > 1000, $"only {texts.Count} paragraphs");
        Assert.Equal(first, corpus.BuildInCSharp().ToJson());
        Assert.Equal(first, corpus.BuildInCSharp().ToJson());
    }
}
