using Impala.Discovery.Web.Content;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Impala.Discovery.Web.Features.Health;

/// <summary>
/// Ready once the store has content to serve. Degraded (still serving, still 200) while any content file is refused,
/// so an operator sees that an editor's file is waiting for a fix.
/// </summary>
public sealed class ContentHealthCheck(StoreReadiness readiness, ContentImporter importer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsReady)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The first import of the content has not finished yet."));
        }

        var refused = importer.LastReport?.RefusedFiles ?? 0;
        var data = new Dictionary<string, object> { ["refusedFiles"] = refused };
        return Task.FromResult(refused == 0
            ? HealthCheckResult.Healthy("Every content file is imported.", data)
            : HealthCheckResult.Degraded($"{refused} content file{(refused == 1 ? " is" : "s are")} refused; the log names each error.", data: data));
    }
}
