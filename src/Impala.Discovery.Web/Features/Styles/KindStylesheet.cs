using System.Security.Cryptography;
using System.Text;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Caching;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Styles;

/// <summary>
/// The stylesheet written at run time: each kind's colour (from kinds.yml, through the store) and the @font-face
/// rules, which name each font by the fingerprinted URL the build gives it (known only from the static assets'
/// manifest, so site.css cannot name it). Its own URL carries a fingerprint of its text, so a page asks for it by
/// an address that is kept a year and changes whenever the text does: after an import that changes a colour, or a
/// release that changes a font.
/// </summary>
/// <remarks>
/// A stylesheet rather than inline styles keeps the Content-Security-Policy strict (no 'unsafe-inline'). Written once
/// per content version and kept; the store is read only when the content changed.
/// </remarks>
public sealed class KindStylesheet(IServiceScopeFactory scopes, ContentValidators validators)
{
    public const string Path = "/css/kinds.css";

    /// <summary>Latin, then Latin Extended: each subset is fetched only when a page uses its characters.</summary>
    private const string Latin = "U+0000-00FF,U+0131,U+0152-0153,U+2000-206F,U+20AC,U+2122,U+2212";
    private const string LatinExtended = "U+0100-024F,U+1E00-1EFF,U+2C60-2C7F,U+A720-A7FF";

    private static readonly (string Family, int Weight, string File, string Range)[] Fonts =
    [
        ("Inter", 400, "fonts/inter-400.woff2", Latin),
        ("Inter", 400, "fonts/inter-ext-400.woff2", LatinExtended),
        ("Inter", 700, "fonts/inter-700.woff2", Latin),
        ("Inter", 700, "fonts/inter-ext-700.woff2", LatinExtended),
        ("\"Source Serif 4\"", 400, "fonts/serif-400.woff2", Latin),
        ("\"Source Serif 4\"", 400, "fonts/serif-ext-400.woff2", LatinExtended),
        ("\"Source Serif 4\"", 700, "fonts/serif-700.woff2", Latin),
        ("\"Source Serif 4\"", 700, "fonts/serif-ext-700.woff2", LatinExtended),
    ];

    private Sheet? _current;

    /// <summary>The stylesheet's text and fingerprint for the content being served.</summary>
    public async Task<Sheet> CurrentAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var version = (await validators.CurrentAsync(cancellationToken)).Version;
        var current = Volatile.Read(ref _current);
        if (current is not null && current.Version == version)
        {
            return current;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DiscoveryDbContext>();
        var kinds = await db.Kinds.AsNoTracking().OrderBy(kind => kind.Position).Select(kind => new { kind.Key, kind.Colour }).ToListAsync(cancellationToken);
        var assets = context.GetEndpoint()?.Metadata.GetMetadata<ResourceAssetCollection>();
        var css = new StringBuilder();
        foreach (var (family, weight, file, range) in Fonts)
        {
            css.Append(FormattableString.Invariant(
                $"@font-face {{ font-family: {family}; font-weight: {weight}; font-display: swap; src: url({FontUrl(assets, file)}); unicode-range: {range}; }}\n"));
        }

        foreach (var kind in kinds)
        {
            // Colours are checked at import to be #hex, so they are safe to write here as they are.
            css.Append(FormattableString.Invariant($".kind-{kind.Key} {{ --kind: {kind.Colour}; }}\n"));
        }

        var text = css.ToString();
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();
        current = new Sheet(version, text, fingerprint);
        Volatile.Write(ref _current, current);
        return current;
    }

    /// <summary>
    /// The address a page links: the stylesheet with its current fingerprint, or its plain address when the store
    /// cannot be read, so that the 500 page for that failure still renders.
    /// </summary>
    public async Task<string> UrlAsync(HttpContext context)
    {
        try
        {
            return $"{Path}?v={(await CurrentAsync(context, context.RequestAborted)).Fingerprint}";
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.RequestServices.GetRequiredService<ILogger<KindStylesheet>>().LogWarning(exception, "The kinds' stylesheet is linked without its fingerprint: the store could not be read");
            return Path;
        }
    }

    /// <summary>The font's fingerprinted URL from the static assets' manifest (its plain URL when none is mapped).</summary>
    public static string FontUrl(ResourceAssetCollection? assets, string file) => "/" + (assets?[file] ?? file);

    public sealed record Sheet(string Version, string Css, string Fingerprint);
}
