using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Features.Caching;
using Microsoft.AspNetCore.OutputCaching;

namespace Impala.Discovery.Web.Features.Shared;

public static class PageCacheEviction
{
    /// <summary>
    /// Cached pages, cards, artwork and badges were built from the old content: every completed import drops them, once
    /// the validators (ETags, Last-Modified, the cache's content key) have moved on to the new content.
    /// </summary>
    public static WebApplication EvictPagesAfterEachImport(this WebApplication app)
    {
        var store = app.Services.GetRequiredService<IOutputCacheStore>();
        var validators = app.Services.GetRequiredService<ContentValidators>();
        app.Services.GetRequiredService<ContentImporter>().Imported += async (_, cancellationToken) =>
        {
            await validators.RefreshAsync(cancellationToken);
            await PageCache.EvictAsync(store, cancellationToken);
        };
        return app;
    }
}
