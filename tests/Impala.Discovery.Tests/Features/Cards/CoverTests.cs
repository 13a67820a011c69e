using Impala.Discovery.Web.Features.Cards;
using SkiaSharp;

namespace Impala.Discovery.Tests.Features.Cards;

/// <summary>An article's cover is a grid of its entries' motifs: every cell a tile, none left empty, whatever the count.</summary>
public sealed class CoverTests
{
    private static readonly SKRect Area = new(0, 0, 600, 372);

    public static TheoryData<int> Counts() => new(Enumerable.Range(1, 30));

    [Theory]
    [MemberData(nameof(Counts))]
    public void CoverCells_AreOneCellATile_AndTogetherFillTheWholeArea(int count)
    {
        var cells = Sleeve.CoverCells(count, Area);

        Assert.Equal(count, cells.Count);
        Assert.All(cells, cell => Assert.True(Area.Contains(cell) || Near(Area, SKRect.Union(Area, cell)), $"{cell} goes beyond the cover"));
        // No overlaps, and the areas add up to the whole: so no part of the grid is left empty.
        Assert.Equal(Area.Width * Area.Height, cells.Sum(cell => cell.Width * cell.Height), 1.0);
        for (var i = 0; i < cells.Count; i++)
        {
            for (var j = i + 1; j < cells.Count; j++)
            {
                var overlap = SKRect.Intersect(cells[i], cells[j]);
                Assert.True(overlap.Width < 0.01f || overlap.Height < 0.01f, $"cells {i} and {j} overlap");
            }
        }
    }

    [Theory]
    [InlineData(20, new[] { 5, 5, 5, 5 })]
    [InlineData(7, new[] { 4, 3 })]
    [InlineData(24, new[] { 6, 6, 6, 6 })]
    [InlineData(3, new[] { 3 })]
    [InlineData(11, new[] { 4, 4, 3 })]
    public void CoverCells_ShareTheTilesOutEvenlyBetweenRows(int count, int[] perRow)
    {
        var cells = Sleeve.CoverCells(count, Area);

        Assert.Equal(perRow, cells.GroupBy(cell => cell.Top).Select(row => row.Count()));
    }

    private static bool Near(SKRect expected, SKRect actual) =>
        Math.Abs(expected.Right - actual.Right) < 0.01f && Math.Abs(expected.Bottom - actual.Bottom) < 0.01f;
}
