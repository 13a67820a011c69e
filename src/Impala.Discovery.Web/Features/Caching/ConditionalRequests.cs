using System.Globalization;
using Impala.Discovery.Web.Features.Health;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Impala.Discovery.Web.Features.Caching;

/// <summary>
/// Validators for every GET and HEAD the site renders (pages, feeds, cards, badges, the API), whoever wrote the
/// endpoint: the ETag is the content version (<see cref="ContentValidators"/>) plus the representation (scheme, host,
/// path, the query keys the action reads) plus the content encoding; Last-Modified is when the content last changed.
/// A request whose If-None-Match (or, without one, If-Modified-Since) still matches gets its 304 here, before the page
/// cache and the controller: nothing is looked up or rendered. Error pages and private pages (no-store: the content
/// status page, previews, health) get no validators.
/// </summary>
public static class ConditionalRequests
{
    public static IApplicationBuilder UseConditionalRequests(this IApplicationBuilder app)
    {
        // Both read the options, which are checked when the site starts (after this): so at the first request.
        var validators = new Lazy<ContentValidators>(app.ApplicationServices.GetRequiredService<ContentValidators>);
        var defaultCacheControl = HttpCaching.PageCacheControl(app);
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            // One of three values from here on (br, gzip, none): the page cache keys pages by it and the compression
            // inside the cache reads it, so both agree, and made-up Accept-Encoding values cannot fill the cache.
            var encoding = ContentEncodings.Choose(request.Headers.AcceptEncoding);
            if (encoding is null)
            {
                request.Headers.Remove(HeaderNames.AcceptEncoding);
            }
            else
            {
                request.Headers.AcceptEncoding = encoding;
            }

            if (!HasValidators(context))
            {
                if (IsErrorPage(context))
                {
                    // The page cache would otherwise answer a kept 429 or 400 page with a 304 to a conditional request.
                    request.Headers.Remove(HeaderNames.IfNoneMatch);
                    request.Headers.Remove(HeaderNames.IfModifiedSince);
                }

                await next(context);
                return;
            }

            var current = await validators.Value.CurrentAsync(context.RequestAborted);
            var tag = $"{current.Version}-{RepresentationOf(context)}";
            var cacheControl = CacheControlOf(context.GetEndpoint()!) ?? defaultCacheControl.Value;
            if (NotModified(request, tag, encoding, current.LastModified) is { } matched)
            {
                var headers = context.Response.Headers;
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                headers.ETag = matched;
                headers.LastModified = current.LastModifiedText;
                headers.CacheControl = cacheControl;
                headers.Vary = HeaderNames.AcceptEncoding;
                return;
            }

            context.Response.OnStarting(() =>
            {
                Stamp(context.Response, tag, current.LastModifiedText, cacheControl);
                return Task.CompletedTask;
            });
            await next(context);
        });
    }

    private static bool IsErrorPage(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;

    private static bool HasValidators(HttpContext context)
    {
        var request = context.Request;
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !IsErrorPage(context)
            && context.GetEndpoint() is { } endpoint
            && endpoint.Metadata.GetMetadata<OutputCacheAttribute>() is not { NoStore: true }
            && !request.Path.StartsWithSegments(HealthEndpoints.PathPrefix.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An endpoint may ask for its own lifetime with [ResponseCache(Duration = …)]; its 304s then say the same.</summary>
    private static string? CacheControlOf(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<ResponseCacheAttribute>() is { NoStore: false, Duration: > 0 } attribute
            ? $"public, max-age={attribute.Duration}"
            : null;

    /// <summary>
    /// What the page is a rendering of. A controller action is keyed by the query keys it reads, exactly as the page
    /// cache keys it (?utm_source=… shares the tag); any other endpoint by its whole query string.
    /// </summary>
    private static string RepresentationOf(HttpContext context)
    {
        var request = context.Request;
        var hash = Fnv(FnvOffset, request.Scheme);
        hash = Fnv(Fnv(Fnv(hash, "://"), request.Host.Value), request.PathBase.Value);
        hash = Fnv(hash, request.Path.Value);
        var action = context.GetEndpoint()!.Metadata.GetMetadata<ControllerActionDescriptor>();
        var keys = action is null ? request.Query.Keys.Order(StringComparer.Ordinal) : (IEnumerable<string>)QueryKeysReadByAction.KeysOf(action);
        foreach (var key in keys)
        {
            hash = Fnv(Fnv(Fnv(Fnv(hash, "\n"), key), "="), request.Query[key].ToString());
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }

    // FNV-1a, 64 bits: the same in every process (string.GetHashCode is not), and cheap enough to run per request.
    private const ulong FnvOffset = 14695981039346656037;

    private static ulong Fnv(ulong hash, ReadOnlySpan<char> text)
    {
        foreach (var character in text)
        {
            hash = (hash ^ character) * 1099511628211;
        }

        return hash;
    }

    /// <summary>The tag to answer 304 with, or null when the request has no validator that still matches.</summary>
    private static string? NotModified(HttpRequest request, string tag, string? encoding, DateTimeOffset lastModified)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (!StringValues.IsNullOrEmpty(ifNoneMatch))
        {
            // "*" matches only a page that exists, which is known once it is rendered: the page cache answers it when
            // the page is kept. A browser holding the uncompressed copy may keep it even if it now accepts br.
            var candidates = new[] { Quoted(tag, encoding), Quoted(tag, null) };
            return EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
                ? candidates.FirstOrDefault(candidate => tags.Any(sent => sent.Compare(new EntityTagHeaderValue(candidate), useStrongComparison: false)))
                : null;
        }

        return HeaderUtilities.TryParseDate(request.Headers.IfModifiedSince.ToString(), out var since) && lastModified <= since
            ? Quoted(tag, encoding)
            : null;
    }

    private static string Quoted(string tag, string? encoding) => encoding switch
    {
        "br" => $"\"{tag}-br\"",
        "gzip" => $"\"{tag}-gz\"",
        _ => $"\"{tag}\"",
    };

    private static void Stamp(HttpResponse response, string tag, string lastModified, string cacheControl)
    {
        var headers = response.Headers;
        if (response.StatusCode is not (StatusCodes.Status200OK or StatusCodes.Status304NotModified) || IsPrivate(headers.CacheControl))
        {
            return;
        }

        if (StringValues.IsNullOrEmpty(headers.ETag))
        {
            headers.ETag = Quoted(tag, headers.ContentEncoding.ToString());
        }

        if (StringValues.IsNullOrEmpty(headers.LastModified))
        {
            headers.LastModified = lastModified;
        }

        if (StringValues.IsNullOrEmpty(headers.CacheControl))
        {
            headers.CacheControl = cacheControl;
        }

        // The compression sets Vary when it compresses; an uncompressed answer of a compressible type needs it as much.
        if (ContentEncodings.IsCompressible(response.ContentType) && !headers.Vary.ToString().Contains(HeaderNames.AcceptEncoding, StringComparison.OrdinalIgnoreCase))
        {
            headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        }
    }

    private static bool IsPrivate(StringValues cacheControl) =>
        cacheControl.Count > 0
        && (cacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase) || cacheControl.ToString().Contains("private", StringComparison.OrdinalIgnoreCase));
}
