using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Entries;

/// <summary>A kind's index page; <see cref="Timeline"/> is empty unless the page reads as a timeline.</summary>
public sealed record KindIndexViewModel(
    PageMeta Meta,
    KindIndexPage Page,
    IReadOnlyList<TimelineYear> Timeline,
    string Heading) : IPageViewModel
{
    public KindSummary Kind => Page.Kind;

    public bool ShowsTimeline => Timeline.Count > 0;

    /// <summary>The page numbers the pager links to: the first, the last and two either side of this one; null is a gap.</summary>
    public IReadOnlyList<int?> PagerNumbers
    {
        get
        {
            var current = Page.Selection.Page;
            var shown = Enumerable.Range(1, Page.PageCount)
                .Where(number => number == 1 || number == Page.PageCount || Math.Abs(number - current) <= 2)
                .ToList();
            var numbers = new List<int?>();
            foreach (var number in shown)
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
}
