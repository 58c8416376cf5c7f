using ArchiveSite.Archive;
using CsCheck;

namespace ArchiveSite.Tests.Archive;

public sealed class TopItemsTests
{
    [Fact]
    public void The_top_items_are_those_a_full_sort_puts_first()
    {
        Gen.Select(Gen.Int[0, 50].Array[0, 200], Gen.Int[1, 10]).Sample((values, count) =>
        {
            // Ties in value are broken by position, so no two items rank equal, as TopItems requires.
            var items = values.Select((value, position) => (Value: value, Position: position)).ToList();
            var expected = items.OrderByDescending(i => i.Value).ThenBy(i => i.Position).Take(count).ToList();

            var top = TopItems.Of(items, count, (a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : a.Position.CompareTo(b.Position));

            Assert.Equal(expected, top);
        });
    }
}
