using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Countries;

public sealed record CountryViewModel(PageMeta Meta, Country Country, IReadOnlyList<CountryKindGroup> Groups, EuropeMap Map) : IPageViewModel;
