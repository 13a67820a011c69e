using System.Net;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Impala.Discovery.Tests.Features;

/// <summary>An operator sees every failure and every slow answer; ordinary requests do not flood the log.</summary>
public sealed class RequestLoggingTests
{
    [Theory]
    [InlineData(200, 3, LogEventLevel.Debug)]
    [InlineData(404, 3, LogEventLevel.Debug)]
    [InlineData(200, 1500, LogEventLevel.Warning)]
    [InlineData(500, 3, LogEventLevel.Error)]
    [InlineData(501, 3, LogEventLevel.Warning)]
    [InlineData(503, 3, LogEventLevel.Warning)]
    public void LevelOf_FollowsWhatHappened(int status, double milliseconds, LogEventLevel expected)
    {
        var context = new DefaultHttpContext();
        context.Response.StatusCode = status;

        Assert.Equal(expected, RequestLogging.LevelOf(context, milliseconds, null));
    }

    [Fact]
    public void LevelOf_Exception_IsAnError()
    {
        Assert.Equal(LogEventLevel.Error, RequestLogging.LevelOf(new DefaultHttpContext(), 3, new InvalidOperationException()));
    }

    [Fact]
    public async Task ExpectedRefusals_AreNotLoggedAsErrors()
    {
        var events = new KeptLogEvents();
        await using var starting = new DiscoveryFactory(importContent: false);
        await using var ready = new DiscoveryFactory();
        var statuses = new List<HttpStatusCode>();
        foreach (var (factory, path) in new[] { (starting, "/"), (starting, "/health/ready"), (ready, "/oembed?url=http://localhost/labels/ninja-tune&format=xml") })
        {
            using var logged = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(events)));
            using var client = logged.CreateClient();
            using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.NotImplemented], statuses);
        // Serilog's sinks hear every host in this process, and other tests' hosts log errors of their own (a store
        // deleted on purpose): only the events of the three requests above count.
        var ours = events.All.Where(logEvent => logEvent.Properties.TryGetValue("RequestPath", out var asked)
            && asked.ToString().Trim('"') is "/" or "/health/ready" or "/oembed").ToList();
        Assert.Contains(ours, logEvent => logEvent.Level == LogEventLevel.Warning);
        Assert.DoesNotContain(ours, logEvent => logEvent.Level >= LogEventLevel.Error);
    }
}
