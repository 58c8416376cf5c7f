using System.Text;
using ArchiveSite.Archive;
using ArchiveSite.Model;

namespace ArchiveSite.Tests.Archive;

public sealed class RegistryLoaderTests
{
    static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Missing_registries_give_defaults_and_no_diagnostics()
    {
        var registries = RegistryLoader.Parse(null, null, null);

        Assert.Equal(SiteSettings.Default, registries.Site);
        Assert.Empty(registries.People);
        Assert.Empty(registries.Topics);
        Assert.Empty(registries.Diagnostics);
    }

    [Fact]
    public void Site_speakers_and_topics_are_read_in_either_list_or_map_form()
    {
        var registries = RegistryLoader.Parse(
            Bytes("title: Hearings\nlanguage: de\nbase_url: https://example.org/sub\n"),
            Bytes("ana-ribeiro:\n  name: Ana Ribeiro\n  credentials: PhD\n  aliases: Dr. Ribeiro, Ana\n"),
            Bytes("- name: Sleep Hygiene\n  terms: [sleep, bedtime]\n- id: rest\n"));

        Assert.Equal(("Hearings", "de", "https://example.org/sub/"), (registries.Site.Title, registries.Site.Language, registries.Site.BaseUrl));
        var person = Assert.Single(registries.People);
        Assert.Equal(("ana-ribeiro", "Ana Ribeiro", "PhD", null), (person.Id, person.Name, person.Credentials, person.Bio));
        Assert.Equal(["Dr. Ribeiro", "Ana"], person.Aliases);
        Assert.Equal(["sleep-hygiene", "rest"], registries.Topics.Select(t => t.Id));
        Assert.Equal(["sleep", "bedtime"], registries.Topics[0].Terms);
        Assert.Equal(["rest"], registries.Topics[1].Terms);
        Assert.Empty(registries.Diagnostics);
    }

    [Fact]
    public void Malformed_yaml_is_an_error_naming_the_file_and_line()
    {
        var registries = RegistryLoader.Parse(null, Bytes("- id: a\n  name: A\n- id: b\n  name: [unclosed\n"), null);

        var error = Assert.Single(registries.Diagnostics);
        Assert.Equal((Severity.Error, "speakers.yml"), (error.Severity, error.File));
        Assert.InRange(error.Line, 4, 5);
    }

    [Fact]
    public void Duplicate_ids_are_errors_and_entries_without_names_are_warnings_with_their_lines()
    {
        var registries = RegistryLoader.Parse(null,
            Bytes("- id: a\n  name: A\n- id: a\n  name: Again\n- credentials: PhD\n"),
            null);

        Assert.Equal(["speakers.yml:3: error: the speaker id 'a' is used twice",
                      "speakers.yml:5: warning: a speaker needs at least a name; this entry is ignored"],
            registries.Diagnostics.Select(d => d.ToString()));
        Assert.Single(registries.People);
    }

    [Fact]
    public void A_base_url_that_is_not_absolute_is_dropped_with_a_warning()
    {
        var registries = RegistryLoader.Parse(Bytes("base_url: /archive/\n"), null, null);

        Assert.Null(registries.Site.BaseUrl);
        Assert.Equal(Severity.Warning, Assert.Single(registries.Diagnostics).Severity);
    }
}
