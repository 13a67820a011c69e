using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Impala.Discovery.Web.Features.Preview;

/// <summary>The editors' preview and its own rate limit: each preview evaluates the content, so a client gets a few a second.</summary>
public static class PreviewRegistration
{
    public const string RateLimitPolicy = "preview";

    public static IServiceCollection AddSourcePreview(this IServiceCollection services)
    {
        services.AddSingleton<SourcePreview>();
        // An editor's browser previews at most every half second while typing; the bucket holds a burst of reloads.
        return services.Configure<RateLimiterOptions>(options => options.AddPolicy(RateLimitPolicy, context =>
            RateLimitPartition.GetTokenBucketLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "", _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = 20,
                TokensPerPeriod = 4,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            })));
    }
}
