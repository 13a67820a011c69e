using Impala.Discovery.Web.Features.Pictures;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Impala.Discovery.Web.Features.Health;

/// <summary>
/// Degraded while picture renditions cannot be kept on disk (a full disk, a folder the site may not write). Pictures
/// are still served, from a bounded memory, but what it cannot hold is encoded again at each request, and renditions are
/// not rate limited: health said Healthy meanwhile, with only one Warning in the log (found by sweep 7).
/// </summary>
public sealed class RenditionsHealthCheck(RenditionCache renditions) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(renditions.KeepFailing is { } failure
            ? HealthCheckResult.Degraded(
                $"Picture renditions cannot be kept in {renditions.Folder} since {failure.Since:yyyy-MM-dd HH:mm:ss} UTC ({failure.Problem}). Pictures are "
                + "served from memory, and made again when it runs short. Free space on that disk, or let the site's user write the folder; "
                + "the next rendition kept there ends this.",
                data: new Dictionary<string, object> { ["renditionsFailingSince"] = failure.Since })
            : HealthCheckResult.Healthy("Picture renditions are kept on disk."));
}
