using System.IO.Compression;
using Impala.Discovery.Web.Content;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

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
/// not in the page cache (they are served before routing): <see cref="CompressedFiles"/> keeps their compressed bytes.
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
    /// wwwroot files: compressed once per encoding (see <see cref="CompressedFiles"/>) for a client that takes br or
    /// gzip, immutable for a year when asked for with the fingerprint asp-append-version writes (?v=), otherwise kept
    /// for the page lifetime and revalidated by their own ETag.
    /// </summary>
    public static IApplicationBuilder UseCachedStaticFiles(this IApplicationBuilder app)
    {
        var files = app.ApplicationServices.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
        var cacheControl = PageCacheControl(app);
        foreach (var encoding in new[] { "br", "gzip" })
        {
            var compressed = new StaticFileOptions { FileProvider = new CompressedFiles(files, encoding), OnPrepareResponse = file => Prepare(file, cacheControl.Value, encoding) };
            app.UseWhen(context => ContentEncodings.Choose(context.Request.Headers.AcceptEncoding) == encoding, branch => branch.UseStaticFiles(compressed));
        }

        return app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = file => Prepare(file, cacheControl.Value, encoding: null) });
    }

    /// <summary>
    /// "public, max-age=…" from Discovery:PageMaxAgeSeconds, read at the first request: the options are validated
    /// when the site starts, after the pipeline is built, and a mistake there must end in Program.cs's one clear line.
    /// </summary>
    public static Lazy<string> PageCacheControl(IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<DiscoveryOptions>>();
        return new Lazy<string>(() => $"public, max-age={options.Value.PageMaxAgeSeconds}");
    }

    private static void Prepare(StaticFileResponseContext file, string cacheControl, string? encoding)
    {
        var context = file.Context;
        var headers = context.Response.Headers;
        var fingerprint = context.Request.Query["v"].ToString();
        var current = context.RequestServices.GetRequiredService<IFileVersionProvider>()
            .AddFileVersionToPath(context.Request.PathBase, context.Request.Path.Value!);

        // Only the current fingerprint: an old or made-up ?v= must not pin today's file for a year.
        headers.CacheControl = fingerprint.Length > 0 && current.EndsWith("?v=" + fingerprint, StringComparison.Ordinal) ? Immutable : cacheControl;
        if (encoding is not null)
        {
            headers.ContentEncoding = encoding;
        }

        if (ContentEncodings.IsCompressible(context.Response.ContentType))
        {
            headers.Vary = HeaderNames.AcceptEncoding;
        }
    }
}
