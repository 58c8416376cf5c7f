using ArchiveSite.Cards;
using ArchiveSite.Download;
using ArchiveSite.Output;
using ArchiveSite.Search;
using ArchiveSite.Site;
using ArchiveSite.Site.Pages;

namespace ArchiveSite.Build;

/// <summary>
/// What the site is made of. A new feature adds its class and one line here: a page source for HTML pages
/// rendered with a layout, or an output step for any other files. A step that is slow and made from something
/// a key can name is wrapped in a <see cref="CachedStep"/>, so a rebuild skips it while that stays the same.
/// </summary>
public static class SiteFeatures
{
    public static IReadOnlyList<IPageSource> PageSources { get; } =
    [
        new HomePage(),
        new TranscriptPages(),
        new SpeakerPages(),
        new TopicPages(),
        new SeriesPages(),
        new QuotePages(),
        new QuotesIndexPage(),
        new SearchPage(),
    ];

    public static IReadOnlyList<IOutputStep> OutputSteps { get; } =
    [
        new CachedStep(new RenderPages(), StepKeys.Pages),
        new CachedStep(new CopyThemeAssets(), StepKeys.ThemeAssets),
        new CopyNpmAssets(),
        new CachedStep(new WriteSitemap(), StepKeys.Archive),
        new CachedStep(new WriteFeed(), StepKeys.Archive),
        new CachedStep(new WriteSearchIndex(), StepKeys.Search),
        new CachedStep(new WriteQuoteCards(), StepKeys.QuoteCards),
        new CachedStep(new WriteArchiveZip(), StepKeys.Download), // last: it zips everything the steps above wrote
    ];
}
