using System.Globalization;
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

        return Parse(received.ToArray());
    }

    public static Answer Parse(byte[] received)
    {
        var split = received.AsSpan().IndexOf("\r\n\r\n"u8);
        var head = Encoding.Latin1.GetString(split < 0 ? received : received[..split]);
        var body = split < 0 ? [] : received[(split + 4)..];
        var statusLine = head.Split("\r\n")[0].Split(' ');
        var status = statusLine.Length > 1 && int.TryParse(statusLine[1], out var code) ? code : 0;
        var answer = new Answer(status, head, "");
        return answer with { Body = Encoding.UTF8.GetString(answer.Header("Transfer-Encoding") == "chunked" ? Unchunked(body) : body) };
    }

    /// <summary>The body of a chunked answer; an answer cut short keeps what arrived.</summary>
    private static byte[] Unchunked(byte[] chunked)
    {
        var body = new MemoryStream();
        var position = 0;
        while (position < chunked.Length)
        {
            var lineEnd = chunked.AsSpan(position).IndexOf("\r\n"u8);
            if (lineEnd < 0 || !int.TryParse(Encoding.ASCII.GetString(chunked, position, lineEnd), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size) || size == 0)
            {
                break;
            }

            var start = position + lineEnd + 2;
            var length = Math.Min(size, chunked.Length - start);
            body.Write(chunked, start, length);
            position = start + length + 2;
        }

        return body.ToArray();
    }
}
