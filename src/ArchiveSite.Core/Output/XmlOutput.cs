using System.Text;
using System.Xml;

namespace ArchiveSite.Output;

/// <summary>Writes an XML file through the output writer with the same settings every time (UTF-8, no BOM, "\n").</summary>
static class XmlOutput
{
    public static void Write(IOutputWriter writer, string path, Action<XmlWriter> write)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            NewLineChars = "\n",
        };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
            write(xml);
        writer.Write(path, stream.ToArray());
    }

    /// <summary>An element with text from a transcript, minus characters XML cannot hold (control characters, lone surrogates).</summary>
    public static void Element(XmlWriter xml, string name, string ns, string text) =>
        xml.WriteElementString(name, ns, Clean(text));

    public static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                builder.Append(c).Append(text[++i]);
            else if (XmlConvert.IsXmlChar(c))
                builder.Append(c);
        }
        return builder.ToString();
    }
}
