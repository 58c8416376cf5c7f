using Lunr.Tests.Support;

namespace Lunr.Tests;

public sealed class AnalyzedDocumentsTests
{
    [Fact]
    public void Batches_analysed_by_an_earlier_builder_build_what_lunr_js_builds()
    {
        var corpus = FixtureCorpus.Turns();
        var earlier = NewBuilder(corpus);
        var kept = corpus.Documents.Chunk(3)
            .Select(batch => (Refs: batch.Select(d => d.Values[corpus.Ref]).ToArray(),
                              Analyzed: earlier.Analyze(batch.Select(d => (IReadOnlyDictionary<string, string>)d.Values))))
            .ToList();

        var builder = NewBuilder(corpus);
        foreach (var (refs, analyzed) in kept)
            builder.Add(refs, analyzed);

        JsonAssert.Identical(new LunrJs().BuildIndex("idx", corpus), builder.Build().ToJson());
    }

    [Fact]
    public void Analysed_batches_and_plain_documents_mix_in_the_order_they_were_added()
    {
        var corpus = FixtureCorpus.Turns();
        var builder = NewBuilder(corpus);
        var batches = corpus.Documents.Chunk(4).ToList();
        for (var b = 0; b < batches.Count; b++)
        {
            if (b % 2 == 0)
            {
                foreach (var document in batches[b])
                    builder.Add(document.Values);
                continue;
            }
            var analyzed = builder.Analyze(batches[b].Select(d => (IReadOnlyDictionary<string, string>)d.Values));
            builder.Add([.. batches[b].Select(d => d.Values[corpus.Ref])], analyzed);
        }

        Assert.Equal(corpus.BuildInCSharp().ToJson(), builder.Build().ToJson());
    }

    [Fact]
    public void A_batch_numbers_its_terms_in_order_of_first_occurrence_across_its_documents()
    {
        var builder = new Builder();
        builder.Field("text");

        var batch = builder.Analyze([Text("Pacing, the pace; PACED insula"), Text("insula insula")]);

        Assert.Equal(["pace", "insula"], batch.Terms);
        Assert.Equal(2, batch.Count);
        Assert.Equal(1, batch.FieldCount);
    }

    [Fact]
    public void A_batch_analysed_after_others_on_the_same_builder_is_analysed_as_by_a_new_builder()
    {
        static Builder TextAndTitle()
        {
            var builder = new Builder();
            builder.Field("text");
            builder.Field("title", 3);
            return builder;
        }
        static IReadOnlyDictionary<string, string> Turn(string text) => new Dictionary<string, string> { ["text"] = text, ["title"] = "Same Title" };
        IReadOnlyDictionary<string, string>[] batch = [Turn("Pacing, then compassion"), Turn("Compassion and the insula")];
        var reusing = TextAndTitle();
        reusing.Analyze([Turn("Insula insula, willingness"), Turn("Pacing matters")]);

        var reused = reusing.Analyze(batch);
        var fresh = TextAndTitle().Analyze(batch);

        Assert.Equal(fresh.Terms, reused.Terms);
        var fromReused = TextAndTitle();
        fromReused.Add(["a", "b"], reused);
        var fromFresh = TextAndTitle();
        fromFresh.Add(["a", "b"], fresh);
        Assert.Equal(fromFresh.Build().ToJson(), fromReused.Build().ToJson());
    }

    [Fact]
    public void Adding_a_batch_checks_its_refs_and_fields()
    {
        var builder = new Builder();
        builder.Field("text");
        var batch = builder.Analyze([Text("one"), Text("two")]);
        var other = new Builder();
        other.Field("text");
        other.Field("title");

        Assert.Throws<ArgumentException>(() => builder.Add(["a"], batch));
        Assert.Throws<ArgumentException>(() => other.Add(["a", "b"], batch));
    }

    static Builder NewBuilder(CorpusDefinition corpus)
    {
        var builder = new Builder();
        builder.Ref(corpus.Ref);
        foreach (var field in corpus.Fields)
            builder.Field(field.Name, field.Boost);
        return builder;
    }

    static IReadOnlyDictionary<string, string> Text(string text) => new Dictionary<string, string> { ["text"] = text };
}
