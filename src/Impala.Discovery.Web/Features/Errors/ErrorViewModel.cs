using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Errors;

public sealed record ErrorViewModel(PageMeta Meta, int StatusCode, string Heading, string Explanation, IReadOnlyList<EntryCard> Suggestions) : IPageViewModel;
