using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Http;
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
    [InlineData(503, 3, LogEventLevel.Error)]
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
}
