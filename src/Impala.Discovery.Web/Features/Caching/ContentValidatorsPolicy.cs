using System.Globalization;
using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Addresses;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Impala.Discovery.Web.Features.Caching;

/// <summary>
/// The page cache's validators: every GET and HEAD it may keep carries an ETag (the content version from
/// <see cref="ContentValidators"/>, the representation: scheme, host, path, the query keys the action reads, and the
/// encoding) and Last-Modified (when the content last changed), so the output cache answers If-None-Match and
/// If-Modified-Since itself from the entry it keeps. It keeps only 200s (and the error pages of ErrorPageCachePolicy,
/// which are asked for without the conditional headers), so a conditional request only ever turns a 200 into a 304:
/// a 404 or 400 stays what it is.
/// </summary>
public sealed class ContentValidatorsPolicy : IOutputCachePolicy
{
    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;

        // One of three values from here on (br, gzip, none): the cache keys entries by it and the compression inside
        // the cache reads it, so both agree, and made-up Accept-Encoding values cannot fill the cache. None for a PNG or
        // WebP, which is never compressed: one drawing kept under one ETag, not three.
        var encoding = ContentEncodings.NamesCompressedImage(request.Path) ? null : ContentEncodings.Choose(request.Headers.AcceptEncoding);
        if (encoding is null)
        {
            request.Headers.Remove(HeaderNames.AcceptEncoding);
        }
        else
        {
            request.Headers.AcceptEncoding = encoding;
        }

        if (IsErrorPage(http))
        {
            // An error page re-executed for the request: the validators stamped for the page asked for do not describe
            // it, and a kept 400 or 429 page must not be answered 304.
            request.Headers.Remove(HeaderNames.IfNoneMatch);
            request.Headers.Remove(HeaderNames.IfModifiedSince);
            http.Response.Headers.Remove(HeaderNames.ETag);
            http.Response.Headers.Remove(HeaderNames.LastModified);
            return;
        }

        // Health probes are never kept and must answer while the store cannot be read: no validators.
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || http.GetEndpoint() is not { } endpoint
            || endpoint.Metadata.GetMetadata<OutputCacheAttribute>() is { NoStore: true }
            || SitePath.AreaOf(request.Path) == PathArea.Health)
        {
            return;
        }

        // Set before the page is rendered: the output cache copies the headers into its entry at the first byte.
        var current = await http.RequestServices.GetRequiredService<ContentValidators>().CurrentAsync(cancellation);
        var etag = Quoted($"{current.Version}-{RepresentationOf(http, endpoint)}", encoding);
        http.Response.Headers.ETag = etag;
        http.Response.Headers.LastModified = current.LastModifiedText;
        http.Response.OnStarting(static state =>
        {
            var (context, etag, lastModified) = ((HttpContext, string, string))state;
            return FinishAsync(context, etag, lastModified);
        }, (http, etag, current.LastModifiedText));
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    private static bool IsErrorPage(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;

    /// <summary>
    /// What the answer is a rendering of. A controller action is keyed by the query keys it reads, exactly as the page
    /// cache keys it (?utm_source=… shares the tag); any other endpoint by its whole query string. A key the action reads
    /// given twice never gets a tag: it is a 400 (see RepeatedQueryKeys), so joining its values here is never ambiguous.
    /// </summary>
    private static string RepresentationOf(HttpContext context, Endpoint endpoint)
    {
        var request = context.Request;
        var hash = Fnv(FnvOffset, request.Scheme);
        hash = Fnv(Fnv(Fnv(hash, "://"), request.Host.Value), request.PathBase.Value);
        hash = Fnv(hash, request.Path.Value);
        var action = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>();
        var keys = action is null ? request.Query.Keys.Order(StringComparer.Ordinal) : (IEnumerable<string>)Shared.QueryKeysReadByAction.KeysOf(action);
        foreach (var key in keys)
        {
            hash = Fnv(Fnv(Fnv(Fnv(hash, "\n"), key), "="), request.Query[key].ToString());
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }

    // FNV-1a, 64 bits: the same in every process (string.GetHashCode is not), so instances agree on their tags.
    private const ulong FnvOffset = 14695981039346656037;

    private static ulong Fnv(ulong hash, ReadOnlySpan<char> text)
    {
        foreach (var character in text)
        {
            hash = (hash ^ character) * 1099511628211;
        }

        return hash;
    }

    private static string Quoted(string tag, string? encoding) => encoding switch
    {
        "br" => $"\"{tag}-br\"",
        "gzip" => $"\"{tag}-gz\"",
        _ => $"\"{tag}\"",
    };

    /// <summary>Finishes the validators when the answer starts, once its status is known.</summary>
    private static Task FinishAsync(HttpContext context, string etag, string lastModified)
    {
        var response = context.Response;
        var headers = response.Headers;
        if (response.StatusCode is not (StatusCodes.Status200OK or StatusCodes.Status304NotModified) || IsPrivate(headers.CacheControl))
        {
            // A 404, a redirect, a private page: no validator of ours, so nothing can revalidate it into a 304.
            RemoveIfOurs(headers, HeaderNames.ETag, etag);
            RemoveIfOurs(headers, HeaderNames.LastModified, lastModified);
            return Task.CompletedTask;
        }

        // The output cache's 304 copies only some of the kept headers (those RFC 9110 names): the rest are added here.
        if (StringValues.IsNullOrEmpty(headers.LastModified))
        {
            headers.LastModified = lastModified;
        }

        if (StringValues.IsNullOrEmpty(headers.CacheControl))
        {
            headers.CacheControl = DefaultCacheControl(context);
        }

        // The cache keeps one entry per encoding; an uncompressed answer needs Vary as much as a compressed one.
        if ((response.StatusCode == StatusCodes.Status304NotModified ? !ContentEncodings.NamesCompressedImage(context.Request.Path) : ContentEncodings.IsCompressible(response.ContentType))
            && !headers.Vary.ToString().Contains(HeaderNames.AcceptEncoding, StringComparison.OrdinalIgnoreCase))
        {
            headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        }

        // For the shipped nginx (deploy/nginx/): its microcache keeps this answer until the end of the current second
        // rather than its whole-second `proxy_cache_valid` (1 to 2 s, as nginx counts whole seconds), so a hot page is
        // asked for again once every second and an edit shows through nginx within a second. Set on every answer,
        // kept or 304, so the time is always now; nginx keeps X-Accel-* headers to itself, other clients ignore it.
        // While a changed file waits for its import (a few hundred milliseconds), "0": nginx keeps nothing, so a copy it
        // fetched just before the import ends is not kept another second (an edit then took up to 1.1 s to show).
        headers[AccelExpires] = context.RequestServices.GetService<ContentImporter>()?.ChangePending == true ? "0" : ThisSecond();
        return Task.CompletedTask;
    }

    public const string AccelExpires = "X-Accel-Expires";

    /// <summary>"@" and the current Unix second: nginx's absolute form of X-Accel-Expires. The machine's clock, as nginx
    /// reads it (the instances sit beside nginx, on loopback); formatted once a second.</summary>
    private static string ThisSecond()
    {
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var last = Volatile.Read(ref _thisSecond);
        if (last.Item1 != now)
        {
            last = Tuple.Create(now, "@" + now.ToString(CultureInfo.InvariantCulture));
            Volatile.Write(ref _thisSecond, last);
        }

        return last.Item2;
    }

    private static Tuple<long, string> _thisSecond = Tuple.Create(0L, "");

    private static void RemoveIfOurs(IHeaderDictionary headers, string name, string value)
    {
        if (headers[name] == value)
        {
            headers.Remove(name);
        }
    }

    private static bool IsPrivate(StringValues cacheControl) =>
        cacheControl.Count > 0
        && (cacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase) || cacheControl.ToString().Contains("private", StringComparison.OrdinalIgnoreCase));

    /// <summary>"public, max-age=…" from Discovery:PageMaxAgeSeconds (validated when the site starts), formatted once.</summary>
    private static string DefaultCacheControl(HttpContext context)
    {
        var seconds = context.RequestServices.GetRequiredService<IOptions<DiscoveryOptions>>().Value.PageMaxAgeSeconds;
        var last = Volatile.Read(ref _lastCacheControl);
        if (last.Item1 != seconds)
        {
            last = Tuple.Create(seconds, $"public, max-age={seconds.ToString(CultureInfo.InvariantCulture)}");
            Volatile.Write(ref _lastCacheControl, last);
        }

        return last.Item2;
    }

    private static Tuple<int, string> _lastCacheControl = Tuple.Create(-1, "");
}
