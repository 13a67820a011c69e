using System.Net.Sockets;
using System.Text;
using Impala.Discovery.Tests.Content;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Impala.Discovery.Tests.Features.Edge;

/// <summary>Stopping the app (SIGTERM, a deploy) lets the answers already being sent finish.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task StoppingTheHost_LetsAResponseInFlightFinish()
    {
        // A slow client on a page far larger than the socket buffers: the server is still writing it when the stop comes.
        // Paragraphs within the parser's line limit, the whole file within the size cap.
        var content = TempFolder.CopyOf(FrozenContent.Path);
        var paragraph = string.Concat(Enumerable.Repeat("A paragraph that goes on and on about a label. ", 40));
        var longBody = string.Join("\n\n", Enumerable.Repeat(paragraph, 450));
        File.WriteAllText(Path.Combine(content, ArticleText.FileName), ArticleText.With($"## Long Story Label\n\n- **Country:** Ireland\n- **Founded:** 1999\n\n{longBody}"));
        var factory = new DiscoveryFactory(content, onLoopbackPort: true);
        var endpoint = RawHttp.EndpointOf(factory);
        var stopping = new TaskCompletionSource();
        factory.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(stopping.SetResult);

        using var slowClient = new TcpClient { ReceiveBufferSize = 4096 };
        await slowClient.ConnectAsync(endpoint, TestContext.Current.CancellationToken);
        var stream = slowClient.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /labels/long-story-label HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), TestContext.Current.CancellationToken);
        var received = new MemoryStream();
        var buffer = new byte[1024];
        while (!Encoding.UTF8.GetString(received.ToArray()).Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            received.Write(buffer, 0, await stream.ReadAsync(buffer, TestContext.Current.CancellationToken));
        }

        var stop = factory.DisposeAsync().AsTask();
        await stopping.Task;
        await WaitUntilRefusedAsync(endpoint);
        await stream.CopyToAsync(received, TestContext.Current.CancellationToken);
        await stop;

        var answer = RawHttp.Parse(received.ToArray());
        Assert.Equal(200, answer.Status);
        Assert.Null(answer.Header("Server"));
        Assert.Equal(450, answer.Body.Split(paragraph.Trim()).Length - 1);
        Assert.Contains("</html>", answer.Body, StringComparison.Ordinal);
    }

    // The server stops listening before it waits for the requests in flight: once a new connection is refused,
    // the stop is under way.
    private static async Task WaitUntilRefusedAsync(System.Net.IPEndPoint endpoint)
    {
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(endpoint, TestContext.Current.CancellationToken);
            }
            catch (SocketException)
            {
                return;
            }

            await Task.Yield();
        }
    }
}
