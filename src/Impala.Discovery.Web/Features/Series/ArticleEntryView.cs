using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Series;

/// <summary>An entry as it reads inside its article: rank, card and prose.</summary>
public sealed record ArticleEntryView(int Rank, EntryCard Card, string BodyHtml);
