using Impala.Discovery.Web.Content;
using Microsoft.AspNetCore.OutputCaching;

namespace Impala.Discovery.Web.Features.Shared;

public static class PageCacheEviction
{
    /// <summary>Cached pages were built from the old content: every completed import drops them.</summary>
    public static WebApplication EvictPagesAfterEachImport(this WebApplication app)
    {
        var store = app.Services.GetRequiredService<IOutputCacheStore>();
        app.Services.GetRequiredService<ContentImporter>().Imported += (_, cancellationToken) => PageCache.EvictAsync(store, cancellationToken).AsTask();
        return app;
    }
}
