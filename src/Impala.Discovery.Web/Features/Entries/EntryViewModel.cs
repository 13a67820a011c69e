using Impala.Discovery.Web.Features.Series;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Entries;

/// <summary>
/// An entry's page. <c>Facts</c> holds every fact (for the structured data); <c>BoxFacts</c> the facts box, which
/// leaves out what the caption already says in full and the link-outs; <c>Links</c> the link-out buttons, every
/// address of the entry's links facts named by its service.
/// </summary>
public sealed record EntryViewModel(
    PageMeta Meta,
    EntryCard Entry,
    KindSummary Kind,
    int Rank,
    IReadOnlyList<FactView> Facts,
    IReadOnlyList<FactView> BoxFacts,
    IReadOnlyList<FactValueView> Links,
    string BodyHtml,
    ArticleSummary Article,
    EntryCard? Previous,
    EntryCard? Next,
    IReadOnlyList<RelatedGroup> Related,
    IReadOnlyList<EntryCard> LinkedFrom) : IPageViewModel
{
    /// <summary>
    /// The caption, with the values it says in place of the facts box linked as the box would link them, so that a
    /// fan still gets from an entry to its country's page in one click.
    /// </summary>
    public IReadOnlyList<FactValueView> CaptionParts
    {
        get
        {
            var linked = Facts.Where(fact => BoxFacts.All(box => box.Key != fact.Key)).SelectMany(fact => fact.Values)
                .Where(value => value.Href is not null).ToList();
            var parts = new List<FactValueView>();
            var rest = Entry.Caption;
            while (rest.Length > 0)
            {
                var next = linked.Select(value => (Value: value, At: rest.IndexOf(value.Text, StringComparison.Ordinal)))
                    .Where(found => found.At >= 0).OrderBy(found => found.At).FirstOrDefault();
                if (next.Value is null)
                {
                    parts.Add(new FactValueView(rest));
                    break;
                }

                if (next.At > 0)
                {
                    parts.Add(new FactValueView(rest[..next.At]));
                }

                parts.Add(next.Value);
                linked.Remove(next.Value);
                rest = rest[(next.At + next.Value.Text.Length)..];
            }

            return parts;
        }
    }
}
