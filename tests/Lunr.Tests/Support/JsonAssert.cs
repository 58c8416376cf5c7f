namespace Lunr.Tests.Support;

public static class JsonAssert
{
    /// <summary>Byte-for-byte equality, failing with the first difference in context rather than two huge strings.</summary>
    public static void Identical(string expected, string actual)
    {
        if (expected == actual)
            return;
        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
            at++;
        var from = Math.Max(0, at - 120);
        Assert.Fail(
            $"JSON differs at character {at} (lengths {expected.Length} and {actual.Length}).\n" +
            $"lunr.js: …{expected[from..Math.Min(expected.Length, at + 120)]}…\n" +
            $"C#:      …{actual[from..Math.Min(actual.Length, at + 120)]}…");
    }
}
