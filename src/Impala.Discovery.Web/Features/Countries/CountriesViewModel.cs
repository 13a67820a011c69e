using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Countries;

public sealed record CountriesViewModel(PageMeta Meta, IReadOnlyList<CountrySummary> Countries, IReadOnlyList<KindSummary> Kinds, EuropeMap Map) : IPageViewModel;
