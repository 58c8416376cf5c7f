using ArchiveSite.Model;
using ArchiveSite.Text;
using YamlDotNet.RepresentationModel;

namespace ArchiveSite.Archive;

/// <summary>
/// Loads <c>site.yml</c>, <c>speakers.yml</c> and <c>topics.yml</c> from an input folder. Each is optional;
/// a malformed one is reported with its line and never throws.
/// </summary>
public static class RegistryLoader
{
    public const string SiteFile = "site.yml";
    public const string SpeakersFile = "speakers.yml";
    public const string TopicsFile = "topics.yml";

    public static Registries Load(string inputDirectory)
    {
        byte[]? Read(string name)
        {
            var path = Path.Combine(inputDirectory, name);
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }
        return Parse(Read(SiteFile), Read(SpeakersFile), Read(TopicsFile));
    }

    /// <summary>Parses the registry files' bytes; null means the file is absent.</summary>
    public static Registries Parse(byte[]? site, byte[]? speakers, byte[]? topics)
    {
        var diagnostics = new List<Diagnostic>();
        var settings = site is null ? SiteSettings.Default : ParseSite(new YamlFile(SiteFile, diagnostics), site);
        var people = speakers is null ? [] : ParsePeople(new YamlFile(SpeakersFile, diagnostics), speakers);
        var topicEntries = topics is null ? [] : ParseTopics(new YamlFile(TopicsFile, diagnostics), topics);
        return new Registries(settings, people, topicEntries, diagnostics);
    }

    static SiteSettings ParseSite(YamlFile file, byte[] bytes)
    {
        var defaults = SiteSettings.Default;
        var root = file.ParseRoot(bytes);
        if (root is null)
            return defaults;
        if (root is not YamlMappingNode map)
        {
            file.Error(root, "site.yml should be a set of 'key: value' lines (title, description, language, base_url)");
            return defaults;
        }
        var baseUrl = file.Scalar(map, "base_url") ?? file.Scalar(map, "baseUrl");
        if (baseUrl is not null && !IsAbsoluteHttpUrl(baseUrl))
        {
            file.Warning(map, $"base_url '{baseUrl}' is not an absolute http(s) URL; canonical links are left out");
            baseUrl = null;
        }
        return new SiteSettings(
            file.Scalar(map, "title") ?? defaults.Title,
            file.Scalar(map, "description") ?? defaults.Description,
            file.Scalar(map, "language") ?? defaults.Language,
            baseUrl is null ? null : baseUrl.TrimEnd('/') + "/",
            file.Scalar(map, "image") ?? defaults.DefaultImage);
    }

    static bool IsAbsoluteHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    static List<PersonEntry> ParsePeople(YamlFile file, byte[] bytes)
    {
        var people = new List<PersonEntry>();
        if (file.ParseRoot(bytes) is not { } root)
            return people;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, map) in file.Entries(root, "speaker"))
        {
            var name = file.Scalar(map, "name");
            var id = file.Scalar(map, "id") ?? key ?? (name is null ? null : Slug.From(name));
            if (id is null || name is null)
            {
                file.Warning(map, "a speaker needs at least a name; this entry is ignored");
                continue;
            }
            id = Slug.From(id);
            if (!seen.Add(id))
            {
                file.Error(map, $"the speaker id '{id}' is used twice");
                continue;
            }
            people.Add(new PersonEntry(id, name, file.Scalar(map, "credentials"),
                file.List(map, "aliases", "labels"), file.Scalar(map, "bio")));
        }
        return people;
    }

    static List<TopicEntry> ParseTopics(YamlFile file, byte[] bytes)
    {
        var topics = new List<TopicEntry>();
        if (file.ParseRoot(bytes) is not { } root)
            return topics;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, map) in file.Entries(root, "topic"))
        {
            var name = file.Scalar(map, "name");
            var id = file.Scalar(map, "id") ?? key ?? (name is null ? null : Slug.From(name));
            if (id is null)
            {
                file.Warning(map, "a topic needs at least a name; this entry is ignored");
                continue;
            }
            id = Slug.From(id);
            if (!seen.Add(id))
            {
                file.Error(map, $"the topic id '{id}' is used twice");
                continue;
            }
            var terms = file.List(map, "terms");
            topics.Add(new TopicEntry(id, name ?? id, file.Scalar(map, "description"), terms.Count > 0 ? terms : [name ?? id]));
        }
        return topics;
    }
}
