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
        app.UseSerilogRequestLogging(options =>
        {
            options.GetLevel = LevelOf;
            // The host's own logger (see Program.cs): without it the middleware writes to Serilog's static one.
            options.Logger = app.ApplicationServices.GetService<Serilog.ILogger>();
        });

    /// <remarks>
    /// Only a failure of ours (an exception, a 500) is an Error. The other 5xx are answers the site gives on purpose
    /// (501 for oEmbed's XML, 503 while starting or from /health/ready): anyone can ask for them, so at Error they
    /// would let a stranger flood the error log; they are Warnings.
    /// </remarks>
    public static LogEventLevel LevelOf(HttpContext context, double elapsedMilliseconds, Exception? exception) =>
        exception is not null || context.Response.StatusCode == StatusCodes.Status500InternalServerError ? LogEventLevel.Error
        : elapsedMilliseconds >= 1000 || context.Response.StatusCode > 500 ? LogEventLevel.Warning
        : LogEventLevel.Debug;
}
