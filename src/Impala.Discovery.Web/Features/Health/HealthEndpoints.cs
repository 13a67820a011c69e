using System.Text;
using Impala.Discovery.Web.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Impala.Discovery.Web.Features.Health;

/// <summary>
/// /health/live: the process answers (for a service manager). /health/ready: the store answers and holds the content
/// (for a load balancer): 200 Healthy or Degraded, 503 Unhealthy. Never cached, never behind the "starting" page.
/// </summary>
public static class HealthEndpoints
{
    public const string PathPrefix = "/health/";
    private const string ReadyTag = "ready";
    private static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Head];

    public static IServiceCollection AddHealthEndpoints(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<DiscoveryDbContext>("store", tags: [ReadyTag])
            .AddCheck<ContentHealthCheck>("content", tags: [ReadyTag])
            .AddCheck<RenditionsHealthCheck>("renditions", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // MapHealthChecks answers every method; a probe only reads (TRACE, PUT or DELETE answering 200 misleads scanners and people).
        endpoints.MapHealthChecks($"{PathPrefix}live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .WithMetadata(new HttpMethodMetadata(ReadMethods))
            .CacheOutput(policy => policy.NoCache());
        endpoints.MapHealthChecks($"{PathPrefix}ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync })
            .WithMetadata(new HttpMethodMetadata(ReadMethods))
            .CacheOutput(policy => policy.NoCache());
        return endpoints;
    }

    // "Degraded: 2 content files are refused; ..." — one line per check, readable by a person and by a script.
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        if (report.Status == HealthStatus.Unhealthy)
        {
            // The health check service's own line for this is an Error (turned off in appsettings.json): anyone may
            // ask /health/ready, so the operator's reason is logged here as a Warning, with what failed.
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HealthEndpoints))
                .LogWarning("Not ready: {Checks}", string.Join("; ", report.Entries
                    .Where(entry => entry.Value.Status == HealthStatus.Unhealthy)
                    .Select(entry => $"{entry.Key}: {entry.Value.Description ?? entry.Value.Exception?.Message}")));
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var text = new StringBuilder($"{report.Status}\n");
        foreach (var (name, entry) in report.Entries)
        {
            text.Append($"{name}: {entry.Status}{(entry.Description is { } description ? $": {description}" : "")}\n");
        }

        return context.Response.WriteAsync(text.ToString(), context.RequestAborted);
    }
}
