using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Lunr;

/// <summary>
/// Memoises a pipeline per distinct token and numbers the distinct terms, so the builder counts, merges and
/// weighs integers instead of hashing strings. Safe to use from several threads; ids follow no particular
/// order (lunr's <c>_index</c> is assigned later, in document order).
/// </summary>
internal sealed class TermTable : ITermIds
{
    /// <summary>The id of tokens the pipeline drops.</summary>
    public const int Dropped = -1;

    readonly Pipeline pipeline;
    readonly ConcurrentDictionary<string, int> idsByToken = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> idsBySpan;
    readonly ConcurrentDictionary<string, int> idsByTerm = new(StringComparer.Ordinal);
    readonly Lock gate = new();
    string[] termsById = new string[1024];
    int count;

    public TermTable(Pipeline pipeline)
    {
        this.pipeline = pipeline;
        idsBySpan = idsByToken.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => Volatile.Read(ref count);

    /// <summary>The term id of an already-lowercased token, or <see cref="Dropped"/>.</summary>
    public int IdOf(ReadOnlySpan<char> loweredToken) => IdOf(loweredToken, out _);

    // AggressiveOptimization keeps these hot loops JIT-compiled: crossgen2 skips them (ReadyToRunPackages.targets).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int IdOf(ReadOnlySpan<char> loweredToken, out string token)
    {
        if (idsBySpan.TryGetValue(loweredToken, out token!, out var id))
            return id;
        token = loweredToken.ToString();
        var term = pipeline.RunToken(token);
        lock (gate)
        {
            if (idsBySpan.TryGetValue(loweredToken, out var kept, out id))
            {
                token = kept;
                return id;
            }
            id = term is null ? Dropped : TermId(term);
            idsByToken[token] = id;
            return id;
        }
    }

    /// <summary>The id of a term the pipeline already made (one of a batch's <see cref="AnalyzedDocuments.Terms"/>).</summary>
    public int IdOfTerm(string term)
    {
        if (idsByTerm.TryGetValue(term, out var id))
            return id;
        lock (gate)
            return TermId(term);
    }

    /// <summary>The term a non-negative id stands for.</summary>
    public string TermOf(int id) => Volatile.Read(ref termsById)[id];

    int TermId(string term)
    {
        if (idsByTerm.TryGetValue(term, out var id))
            return id;
        id = count;
        if (id == termsById.Length)
        {
            var grown = new string[id * 2];
            termsById.CopyTo(grown, 0);
            Volatile.Write(ref termsById, grown);
        }
        termsById[id] = term;
        idsByTerm[term] = id;
        Volatile.Write(ref count, id + 1);
        return id;
    }
}
