using Impala.Discovery.Web.Features.Series;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Entries;

public sealed record EntryViewModel(
    PageMeta Meta,
    EntryCard Entry,
    KindSummary Kind,
    int Rank,
    IReadOnlyList<FactView> Facts,
    string BodyHtml,
    ArticleSummary Article,
    EntryCard? Previous,
    EntryCard? Next,
    IReadOnlyList<EntryCard> SameCountry,
    IReadOnlyList<EntryCard> LinkedFrom) : IPageViewModel;
