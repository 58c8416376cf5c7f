using System.Text.Json;

namespace ArchiveSite.Text;

/// <summary>Lists of strings in hand-written JSON (the transcript export and the search files write many).</summary>
public static class JsonStringArrays
{
    public static void WriteStringArray(this Utf8JsonWriter writer, IEnumerable<string> values)
    {
        writer.WriteStartArray();
        foreach (var value in values)
            writer.WriteStringValue(value);
        writer.WriteEndArray();
    }

    public static void WriteStringArray(this Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WritePropertyName(name);
        writer.WriteStringArray(values);
    }
}
