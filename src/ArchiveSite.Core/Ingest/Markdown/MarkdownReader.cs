using ArchiveSite.Ingest.Metadata;
using ArchiveSite.Model;
using Markdig;
using Markdig.Syntax;

namespace ArchiveSite.Ingest.Markdown;

/// <summary>
/// Markdown transcripts: YAML front matter for metadata, labelled paragraphs for turns, headings for
/// sections. Rules and examples: tests/ArchiveSite.Tests/Ingest/Specs/markdown*.md.
/// </summary>
public static class MarkdownReader
{
    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    /// <summary>Labels that mark a pause in the recording rather than a person ("**Break**: [30:08]").</summary>
    static readonly HashSet<string> PseudoSpeakers = new(StringComparer.OrdinalIgnoreCase)
    {
        "Break", "Ad Break", "Ad", "Ads", "Advertisement", "Commercial", "Sponsor", "Sponsors", "Sponsor Break",
        "Music", "Intro", "Outro", "Intro Music", "Outro Music", "Theme Music", "Interlude", "Transition",
        "Pause", "Silence", "Applause", "Laughter", "Crosstalk", "Inaudible",
    };

    public static Transcript Read(string sourcePath, string text)
    {
        var builder = new TranscriptBuilder(sourcePath);
        var frontMatter = FrontMatter.Split(text);
        if (frontMatter.Unclosed)
            builder.Error(1, "the front matter opened by '---' is never closed by a '---' line; " +
                             "its keys were read up to the first blank line");
        if (frontMatter.Yaml is not null)
        {
            var diagnostics = new List<Diagnostic>();
            builder.Metadata = MetadataYamlReader.Read(sourcePath, frontMatter.Yaml, frontMatter.YamlLine, diagnostics);
            builder.AddDiagnostics(diagnostics);
            builder.Declare(builder.Metadata.Speakers);
        }

        var blocks = new List<Item>();
        Collect(Markdig.Markdown.Parse(frontMatter.Body, Pipeline), frontMatter.BodyLine, blocks, builder);
        var plainLabelCounts = blocks.OfType<ParagraphItem>()
            .Where(p => p.Paragraph.Kind is LabelKind.Plain or LabelKind.Timed)
            .GroupBy(p => p.Paragraph.Label!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);

        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeadingItem heading: Heading(heading, builder); break;
                case ParagraphItem { Paragraph: var paragraph }:
                    var isLabel = paragraph.Kind is LabelKind.Strong or LabelKind.Timed ||
                                  paragraph.Kind is LabelKind.Plain &&
                                  (builder.IsDeclared(paragraph.Label!) || plainLabelCounts[paragraph.Label!] >= 2);
                    if (isLabel)
                        LabelledTurn(paragraph, builder);
                    else
                        AddText(paragraph.FullText, paragraph.Line, builder);
                    break;
            }
        }
        return QuoteAttribution.Attach(builder.Build(), builder.Metadata.Quotes);
    }

    static void Heading(HeadingItem heading, TranscriptBuilder builder)
    {
        var title = builder.Metadata.Title;
        if (heading.Level == 1 && title is null && !builder.HasTurns)
            builder.Metadata = builder.Metadata with { Title = heading.Text };
        else if (heading.Level == 1 && string.Equals(heading.Text, title, StringComparison.OrdinalIgnoreCase))
            builder.Remove(heading.Line, "title", heading.Text);
        else
            builder.StartSection(heading.Text, heading.Line);
    }

    static void LabelledTurn(LabelledParagraph paragraph, TranscriptBuilder builder)
    {
        var label = paragraph.Label!;
        if (PseudoSpeakers.Contains(label))
        {
            builder.EndTurn();
            builder.Remove(paragraph.Line, "break", Whitespace.Collapse(paragraph.FullText));
            return;
        }
        var text = paragraph.Text;
        var start = paragraph.Start;
        if (start is null && Timestamps.TryTakeLeading(ref text, out var leading))
            start = leading;
        builder.StartTurn(builder.SpeakerFor(label), start, paragraph.Line, label);
        AddText(text, paragraph.Line, builder);
    }

    /// <summary>Adds words to the open turn; offsets printed inside speech ("[06:11]") are noted as removed.</summary>
    static void AddText(string text, int line, TranscriptBuilder builder)
    {
        var offsets = new List<string>();
        text = Timestamps.StripBracketed(text, offsets);
        foreach (var offset in offsets)
            builder.Remove(line, "timestamp", offset);
        builder.AddParagraph(text, line);
    }

    static void Collect(ContainerBlock container, int bodyLine, List<Item> items, TranscriptBuilder builder)
    {
        void Removed(int line, string kind, string text) => builder.Remove(line, kind, text);
        foreach (var block in container)
        {
            var line = bodyLine + block.Line;
            switch (block)
            {
                case HeadingBlock heading:
                    items.Add(new HeadingItem(heading.Level,
                        Whitespace.Collapse(PlainText.Of(heading.Inline ?? [], bodyLine, Removed)), line));
                    break;
                case ParagraphBlock { Inline: { } inline }:
                    items.Add(new ParagraphItem(TurnLabel.Split(inline, line, bodyLine, Removed)));
                    break;
                case HtmlBlock html:
                    for (var i = 0; i < html.Lines.Count; i++)
                        builder.Remove(line + i, "html", html.Lines.Lines[i].ToString());
                    break;
                case CodeBlock code:
                    items.Add(new ParagraphItem(new LabelledParagraph(LabelKind.None, null, null, code.Lines.ToString(), line)));
                    break;
                case ThematicBreakBlock:
                    builder.Remove(line, "markup", "---");
                    break;
                case ListBlock { IsOrdered: true } list:
                    foreach (var item in list.OfType<ListItemBlock>())
                        CollectNumbered(item, $"{item.Order}{list.OrderedDelimiter}", bodyLine, items, builder);
                    break;
                case LinkReferenceDefinitionGroup definitions:
                    foreach (var definition in definitions.OfType<LinkReferenceDefinition>())
                        builder.Remove(bodyLine + definition.Line, "markup", $"[{definition.Label}]: {definition.Url}");
                    break;
                case ContainerBlock child:
                    Collect(child, bodyLine, items, builder);
                    break;
            }
        }
    }

    /// <summary>
    /// In speech, "64." or "1990. That year..." at a line start is words, not a list number: the number goes
    /// back in front of the item's text rather than vanishing with the list markup.
    /// </summary>
    static void CollectNumbered(ListItemBlock item, string number, int bodyLine, List<Item> items, TranscriptBuilder builder)
    {
        var first = items.Count;
        Collect(item, bodyLine, items, builder);
        if (items.Count > first && items[first] is ParagraphItem { Paragraph: { Kind: LabelKind.None } paragraph })
            items[first] = new ParagraphItem(paragraph with { Text = $"{number} {paragraph.Text}" });
        else if (items.Count == first || items[first] is not ParagraphItem)
            items.Insert(first, new ParagraphItem(new LabelledParagraph(LabelKind.None, null, null, number, bodyLine + item.Line)));
        else
            builder.Remove(bodyLine + item.Line, "markup", number);
    }

    abstract record Item;
    sealed record HeadingItem(int Level, string Text, int Line) : Item;
    sealed record ParagraphItem(LabelledParagraph Paragraph) : Item;
}
