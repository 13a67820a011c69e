using Impala.Discovery.Web.Features.Caching;
using Impala.Discovery.Web.Features.Edge;
using Impala.Discovery.Web.Features.Errors;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace Impala.Discovery.Web.Features.Shared;

/// <summary>
/// Pages change only when content is imported, so a rendered page is kept in memory and served again until the
/// next import evicts it. A page is one entry whatever query string it was asked with, except for the query keys
/// its action reads (see <see cref="QueryKeysReadByAction"/>): made-up keys must not fill memory with copies. The size limit
/// (Discovery:PageCacheMegabytes) bounds the rest; error pages follow ErrorPageCachePolicy.
/// </summary>
public static class PageCache
{
    public const string Tag = "content";

    public static IServiceCollection AddPageCache(this IServiceCollection services, IConfiguration configuration)
    {
        var megabytes = (configuration.GetSection(EdgeOptions.Section).Get<EdgeOptions>() ?? new EdgeOptions()).PageCacheMegabytes;
        return services.AddOutputCache(options =>
        {
            // Each encoding (narrowed to br, gzip or none by ContentValidatorsPolicy) is its own entry, compressed once.
            // The content version in the key means a page rendered from the old content while an import committed
            // is never served, nor tagged, as the new one.
            options.AddBasePolicy(policy => policy.Tag(Tag).Expire(TimeSpan.FromHours(6))
                .SetVaryByHeader(HeaderNames.AcceptEncoding)
                .VaryByValue(context => new("content", context.RequestServices.GetRequiredService<ContentValidators>().VersionOrEmpty)));
            options.AddBasePolicy(new QueryKeysReadByAction());
            options.AddBasePolicy(new ContentValidatorsPolicy());
            options.AddPolicy(ErrorPageCachePolicy.Name, new ErrorPageCachePolicy());
            options.SizeLimit = Math.Max(1, megabytes) * 1024L * 1024L;
            options.MaximumBodySize = Math.Min(options.MaximumBodySize, options.SizeLimit);
        });
    }

    public static ValueTask EvictAsync(IOutputCacheStore store, CancellationToken cancellationToken) =>
        store.EvictByTagAsync(Tag, cancellationToken);
}
