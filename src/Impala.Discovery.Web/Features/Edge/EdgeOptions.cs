namespace Impala.Discovery.Web.Features.Edge;

/// <summary>The settings of the site's edge, in the "Discovery" section beside the content settings.</summary>
public sealed class EdgeOptions
{
    public const string Section = "Discovery";

    /// <summary>
    /// Addresses (10.0.0.5) or networks (10.0.0.0/24) of the proxies whose X-Forwarded-For and X-Forwarded-Proto
    /// are believed, separated by ";". Empty: none, not even loopback (any process on the machine could otherwise
    /// pick its rate-limit bucket); deploy/ names nginx's loopback address here.
    /// </summary>
    public string KnownProxies { get; set; } = "";

    /// <summary>Pages not served from the page cache one client address may ask for at once; 0 turns the limit off.</summary>
    public int RateLimitBurst { get; set; } = 100;

    /// <summary>How many of those a client address gets back each second.</summary>
    public int RateLimitPerSecond { get; set; } = 20;

    /// <summary>Memory the page cache may hold, in megabytes; the least used pages make room for new ones.</summary>
    public int PageCacheMegabytes { get; set; } = 32;
}
