namespace Lunr;

/// <summary>A field the builder indexes, with lunr's <c>boost</c> attribute (0 means 1, as in lunr.js's <c>boost || 1</c>).</summary>
public sealed record FieldDefinition(string Name, double Boost);
