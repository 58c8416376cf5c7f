namespace Lunr;

/// <summary>lunr.FieldRef: a field of one document, written "fieldName/docRef" (split at the first '/').</summary>
public readonly record struct FieldRef(string FieldName, string DocRef)
{
    public const char Joiner = '/';

    public static FieldRef FromString(string text)
    {
        var joiner = text.IndexOf(Joiner);
        if (joiner < 0)
            throw new FormatException($"malformed field ref string: '{text}'");
        return new FieldRef(text[..joiner], text[(joiner + 1)..]);
    }

    public override string ToString() => FieldName + Joiner + DocRef;
}
