namespace ArchiveSite.Build;

/// <summary>
/// When a cache pack may stay as it is, with what a build used beyond it in a small delta file beside it: the rule
/// <see cref="CachePack{T}"/> and <see cref="Search.SearchAnalysisCache"/> share, so that one change among many
/// writes a few KB rather than the whole pack, while entries no build uses any more do not pile up.
/// </summary>
static class CacheDelta
{
    /// <summary>The pack is written whole once its unused entries and the delta's are more than this share of it.</summary>
    const int WholeWhenMoreThanOneIn = 8;

    /// <param name="packCount">Entries in the pack.</param>
    /// <param name="usedFromPack">Entries of the pack this build used.</param>
    /// <param name="notInPack">Entries this build used that the pack lacks: the delta's.</param>
    public static bool Suffices(int packCount, int usedFromPack, int notInPack) =>
        packCount > 0 && (packCount - usedFromPack + notInPack) * WholeWhenMoreThanOneIn <= packCount;
}
