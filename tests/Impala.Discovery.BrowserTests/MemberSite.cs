using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Impala.Discovery.BrowserTests;

/// <summary>
/// A member's own web site: a second server on another loopback port, so another origin to the browser, answering
/// every request with one page (the page that frames ours).
/// </summary>
public sealed class MemberSite : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public MemberSite(string html)
    {
        Address = new Uri($"http://127.0.0.1:{FreePort()}/");
        _listener.Prefixes.Add(Address.AbsoluteUri);
        _listener.Start();
        _serving = ServeAsync(Encoding.UTF8.GetBytes(html));
    }

    public Uri Address { get; }

    public async ValueTask DisposeAsync()
    {
        _listener.Close();
        await _serving;
    }

    private async Task ServeAsync(byte[] page)
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception stopped) when (stopped is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength64 = page.Length;
            await context.Response.OutputStream.WriteAsync(page);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
