using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.ContentStatus;

public sealed record ContentStatusViewModel(PageMeta Meta, ImportReport? Report) : IPageViewModel;
