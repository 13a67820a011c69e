using System.IO.Compression;
using Impala.Discovery.Web.Content;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;

namespace Impala.Discovery.Web.Features.Caching;

/// <summary>
/// HTTP as browsers and caches expect it: validators and 304s (the page cache's, see <see cref="ContentValidatorsPolicy"/>),
/// Cache-Control, and Brotli or gzip compression.
/// </summary>
/// <remarks>
/// Where compression sits: inside the page cache (Program.cs: UseOutputCache, then UseResponseCompression). The
/// cache keys a page by the request's Accept-Encoding, which <see cref="ContentValidatorsPolicy"/> narrows to br, gzip or
/// none first, so each page is compressed once per encoding, when it is rendered, and kept compressed; a cached
/// answer is copied out as it is. Compressing outside the cache would do it again for every request. Static files are
/// compressed at build time (<see cref="MapSiteAssets"/>).
/// </remarks>
public static class HttpCaching
{
    public const int OneYear = 31_536_000;

    public const string Immutable = "public, max-age=31536000, immutable";

    public static IServiceCollection AddHttpCaching(this IServiceCollection services)
    {
        services.AddOptions<DiscoveryOptions>().Validate(options => options.PageMaxAgeSeconds is >= 0 and <= OneYear,
            $"Discovery:PageMaxAgeSeconds must be between 0 and {OneYear} (a year), in seconds; 300 is the default.");
        services.AddSingleton<ContentValidators>();
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true; // see PublicResponseCompression on BREACH
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ContentEncodings.CompressedTypes;
        });

        // Pages are compressed once and served many times, so the better ratio is worth it (the defaults are Fastest).
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.AddSingleton<IResponseCompressionProvider, PublicResponseCompression>();
        return services;
    }

    /// <summary>
    /// Every answer leaves with its length where it can (see <see cref="WholeResponseStream"/>). Outside the page cache,
    /// whose copies already know theirs and pass straight through.
    /// </summary>
    public static IApplicationBuilder UseWholeResponses(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var inner = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var body = new WholeResponseStream(context.Response, inner);
        context.Features.Set<IHttpResponseBodyFeature>(body);
        try
        {
            await next(context);
            await body.FinishAsync(context.RequestAborted);
        }
        finally
        {
            context.Features.Set(inner);
        }
    });

    /// <summary>
    /// wwwroot through ASP.NET Core's static assets: compressed at build time (Brotli and gzip beside each file), an
    /// ETag from each file's content, and for every file a fingerprinted URL (css/site.{hash}.css) kept a year as
    /// immutable, which the views link through the tag helpers (asp-append-version) and <c>Assets[…]</c>. The plain URL
    /// still answers, revalidated by its ETag. Not kept by the page cache (the files are bytes on disk already) and not
    /// counted by the rate limit (a page's own stylesheet and fonts are not a client asking too much).
    /// </summary>
    public static IEndpointConventionBuilder MapSiteAssets(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapStaticAssets()
            // NoStore is also what tells ContentValidatorsPolicy to leave the files' own validators alone.
            .WithMetadata(new OutputCacheAttribute { NoStore = true })
            .DisableRateLimiting();
}
