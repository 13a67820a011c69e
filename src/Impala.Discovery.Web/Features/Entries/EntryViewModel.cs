using Impala.Discovery.Web.Content;
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
    /// <summary>The caption as the import wrote it, each value linked to its page (see <see cref="CaptionPart"/>).</summary>
    public IReadOnlyList<CaptionPart> CaptionParts { get; init; } = [];
}
