using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;

namespace Impala.Discovery.Web.Features.Shared;

/// <summary>
/// The page cache keys a page by the query keys its action reads (<c>country</c> and <c>decade</c> for a kind's
/// page, <c>q</c> for search), taken from the action's own parameters so the list cannot drift from the code.
/// Any other key (?utm_source=…, ?x=random) is ignored and shares the cached page. A key the action reads given more
/// than once (?country=a&amp;country=b) is never looked up or kept: <see cref="RepeatedQueryKeys"/> refuses it with a 400,
/// so the cache, the ETag and the binding never have to choose one of the values.
/// </summary>
public sealed class QueryKeysReadByAction : IOutputCachePolicy
{
    private static readonly ConcurrentDictionary<ControllerActionDescriptor, StringValues> Keys = new();

    /// <summary>The query keys an action reads, worked out once per action; the ETags use the same list.</summary>
    public static StringValues KeysOf(ControllerActionDescriptor action) => Keys.GetOrAdd(action, action => new StringValues(QueryKeysOf(action)));

    /// <summary>
    /// The first key the action reads as one value that the request gives more than once (query keys are read without
    /// regard to case, as model binding reads them), or null.
    /// </summary>
    public static string? RepeatedKey(HttpRequest request, ControllerActionDescriptor action)
    {
        foreach (var key in SingleValued.GetOrAdd(action, SingleValuedKeysOf))
        {
            if (request.Query[key].Count > 1)
            {
                return key;
            }
        }

        return null;
    }

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var endpoint = context.HttpContext.GetEndpoint();
        var action = endpoint?.Metadata.GetMetadata<ControllerActionDescriptor>();
        context.CacheVaryByRules.QueryKeys = action is null ? StringValues.Empty : KeysOf(action);
        if (action is not null && RepeatedKey(context.HttpContext.Request, action) is not null)
        {
            // The cache joins repeated values into one key (sorted: "b&a" is "a&b", and a value holding the joiner is
            // both), so such a request could be served another's page: it goes to the action, which refuses it.
            context.AllowCacheLookup = false;
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    private static readonly ConcurrentDictionary<ControllerActionDescriptor, string[]> SingleValued = new();

    public static string[] QueryKeysOf(ControllerActionDescriptor action) =>
        QueryParametersOf(action).Select(NameOf).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The keys read into one value (a string, a number), not into a list: all of them, today.</summary>
    public static string[] SingleValuedKeysOf(ControllerActionDescriptor action) =>
        QueryParametersOf(action)
            .Where(parameter => parameter.ParameterType == typeof(string) || !typeof(System.Collections.IEnumerable).IsAssignableFrom(parameter.ParameterType))
            .Select(NameOf).Order(StringComparer.Ordinal).ToArray();

    private static string NameOf(ParameterDescriptor parameter) => parameter.BindingInfo?.BinderModelName ?? parameter.Name;

    private static IEnumerable<ParameterDescriptor> QueryParametersOf(ControllerActionDescriptor action)
    {
        var routeValues = action.AttributeRouteInfo?.Template is { } template
            ? Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse(template).Parameters.Select(parameter => parameter.Name).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : [];
        return action.Parameters
            .Where(parameter => parameter.ParameterType != typeof(CancellationToken) && !routeValues.Contains(parameter.Name))
            .Where(parameter => parameter.BindingInfo?.BindingSource is null || parameter.BindingInfo.BindingSource == BindingSource.Query || parameter.BindingInfo.BindingSource == BindingSource.ModelBinding);
    }
}
