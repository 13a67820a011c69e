using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Impala.Discovery.Tests;

/// <summary>
/// Requests written byte for byte to a real port, for what HttpClient and the in-memory server refuse to send
/// (raw control bytes, invalid UTF-8, hosts that do not decode).
/// </summary>
public static class RawHttp
{
    public sealed record Answer(int Status, string Head, string Body)
    {
        public string? Header(string name) => Head.Split("\r\n")
            .Where(line => line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .Select(line => line[(name.Length + 1)..].Trim())
            .FirstOrDefault();
    }

    /// <summary>The loopback address a <see cref="DiscoveryFactory"/> made with <c>onLoopbackPort</c> listens on, after starting it.</summary>
    public static IPEndPoint EndpointOf(DiscoveryFactory factory)
    {
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return IPEndPoint.Parse(new Uri(address).Authority);
    }

    /// <summary>Sends "{method} {target} HTTP/1.1" with the given Host and reads the whole answer (the connection is closed after it).</summary>
    public static async Task<Answer> SendAsync(IPEndPoint endpoint, string method, string target, string host = "localhost")
    {
        var request = Encoding.Latin1.GetBytes($"{method} {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        return await SendAsync(endpoint, request);
    }

    public static async Task<Answer> SendAsync(IPEndPoint endpoint, byte[] request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint, TestContext.Current.CancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(request, TestContext.Current.CancellationToken);
        using var received = new MemoryStream();
        try
        {
            await stream.CopyToAsync(received, TestContext.Current.CancellationToken);
        }
        catch (IOException)
        {
            // The server may close (reset) after answering a request it refused; what arrived is the answer.
        }

        return Parse(Encoding.UTF8.GetString(received.ToArray()));
    }

    public static Answer Parse(string text)
    {
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var body = split < 0 ? "" : text[(split + 4)..];
        var statusLine = head.Split("\r\n")[0].Split(' ');
        var status = statusLine.Length > 1 && int.TryParse(statusLine[1], out var code) ? code : 0;
        return new Answer(status, head, body);
    }
}
