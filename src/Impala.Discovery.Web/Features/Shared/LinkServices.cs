namespace Impala.Discovery.Web.Features.Shared;

/// <summary>
/// The name a link-out button shows, read from the address alone: the site loads nothing from these services (no
/// script, no logo), so a fan sees where the button leads before following it.
/// </summary>
public static class LinkServices
{
    private static readonly (string Host, string Name)[] Known =
    [
        ("bandcamp.com", "Bandcamp"),
        ("open.spotify.com", "Spotify"),
        ("music.apple.com", "Apple Music"),
        ("youtube.com", "YouTube"),
        ("youtu.be", "YouTube"),
        ("instagram.com", "Instagram"),
    ];

    public static string Name(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return url;
        }

        var host = uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;
        foreach (var (known, name) in Known)
        {
            // An artist's Bandcamp page lives on a subdomain of its own: artist.bandcamp.com.
            if (host.Equals(known, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + known, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        // Mastodon has no one host: every server names a profile /@user.
        return uri.AbsolutePath.StartsWith("/@", StringComparison.Ordinal) && uri.AbsolutePath.Length > 2 ? "Mastodon" : host;
    }
}
