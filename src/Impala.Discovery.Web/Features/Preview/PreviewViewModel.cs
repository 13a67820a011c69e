using Impala.Discovery.Web.Features.Series;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Preview;

/// <summary>An editor's preview: the checker's problems on the source, then the article as its page will show it (if it could be read).</summary>
public sealed record PreviewViewModel(PageMeta Meta, string File, IReadOnlyList<PreviewProblem> Problems, ArticleViewModel? Article) : IPageViewModel;
