using Serilog;
using Serilog.Events;

namespace Impala.Discovery.Web.Features.Shared;

public static class RequestLogging
{
    /// <summary>
    /// One line per request, at a level that follows what happened: failures and slow answers are always seen, while
    /// the ordinary ones (tens of thousands a second, which nginx logs anyway) are Debug. Writing every request to the
    /// console cost 40 % of the throughput of cached pages.
    /// </summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options => options.GetLevel = LevelOf);

    public static LogEventLevel LevelOf(HttpContext context, double elapsedMilliseconds, Exception? exception) =>
        exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
        : elapsedMilliseconds >= 1000 ? LogEventLevel.Warning
        : LogEventLevel.Debug;
}
