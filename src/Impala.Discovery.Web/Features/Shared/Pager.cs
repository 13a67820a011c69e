namespace Impala.Discovery.Web.Features.Shared;

/// <summary>
/// Where a paged list stands: this page, how many there are, and the address of each (the first page's address
/// has no page key, so each page has one address). Drawn by _Pager.cshtml; the head's rel="prev/next" come from it too.
/// </summary>
public sealed record Pager(int Page, int PageCount, Func<int, string> PathOf, string Label)
{
    public bool IsNeeded => PageCount > 1;

    public string? PreviousPath => Page > 1 ? PathOf(Page - 1) : null;

    public string? NextPath => Page < PageCount ? PathOf(Page + 1) : null;

    /// <summary>The page numbers to link: the first, the last and two either side of this one; null is a gap.</summary>
    public IReadOnlyList<int?> Numbers
    {
        get
        {
            var numbers = new List<int?>();
            foreach (var number in Enumerable.Range(1, PageCount).Where(number => number == 1 || number == PageCount || Math.Abs(number - Page) <= 2))
            {
                if (numbers.Count > 0 && numbers[^1] is { } previous && number > previous + 1)
                {
                    numbers.Add(null);
                }

                numbers.Add(number);
            }

            return numbers;
        }
    }

    /// <summary>How many items to skip for this page.</summary>
    public static int Skip(int page, int pageSize) => (page - 1) * pageSize;

    public static int CountPages(int items, int pageSize) => Math.Max(1, (items + pageSize - 1) / pageSize);
}
