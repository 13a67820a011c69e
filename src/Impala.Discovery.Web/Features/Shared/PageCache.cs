using Microsoft.AspNetCore.OutputCaching;

namespace Impala.Discovery.Web.Features.Shared;

/// <summary>
/// Pages change only when content is imported, so a rendered page is kept in memory and served again until the
/// next import evicts it. Each query string is its own entry (search results too), within the size limit;
/// error pages are not kept (see ErrorsController).
/// </summary>
public static class PageCache
{
    public const string Tag = "content";

    public static IServiceCollection AddPageCache(this IServiceCollection services) =>
        services.AddOutputCache(options =>
        {
            options.AddBasePolicy(policy => policy.Tag(Tag).Expire(TimeSpan.FromHours(6)));
            options.SizeLimit = 64 * 1024 * 1024;
        });

    public static ValueTask EvictAsync(IOutputCacheStore store, CancellationToken cancellationToken) =>
        store.EvictByTagAsync(Tag, cancellationToken);
}
