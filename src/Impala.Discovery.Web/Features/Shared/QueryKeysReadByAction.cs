using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;

namespace Impala.Discovery.Web.Features.Shared;

/// <summary>
/// The page cache keys a page by the query keys its action reads (<c>country</c> and <c>decade</c> for a kind's
/// page, <c>q</c> for search), taken from the action's own parameters so the list cannot drift from the code.
/// Any other key (?utm_source=…, ?x=random) is ignored and shares the cached page.
/// </summary>
public sealed class QueryKeysReadByAction : IOutputCachePolicy
{
    private static readonly ConcurrentDictionary<ControllerActionDescriptor, StringValues> Keys = new();

    /// <summary>The query keys an action reads, worked out once per action; the ETags use the same list.</summary>
    public static StringValues KeysOf(ControllerActionDescriptor action) => Keys.GetOrAdd(action, action => new StringValues(QueryKeysOf(action)));

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var endpoint = context.HttpContext.GetEndpoint();
        var action = endpoint?.Metadata.GetMetadata<ControllerActionDescriptor>();
        context.CacheVaryByRules.QueryKeys = action is null ? StringValues.Empty : KeysOf(action);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public static string[] QueryKeysOf(ControllerActionDescriptor action)
    {
        var routeValues = action.AttributeRouteInfo?.Template is { } template
            ? Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse(template).Parameters.Select(parameter => parameter.Name).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : [];
        var keys = action.Parameters
            .Where(parameter => parameter.ParameterType != typeof(CancellationToken) && !routeValues.Contains(parameter.Name))
            .Where(parameter => parameter.BindingInfo?.BindingSource is null || parameter.BindingInfo.BindingSource == BindingSource.Query || parameter.BindingInfo.BindingSource == BindingSource.ModelBinding)
            .Select(parameter => parameter.BindingInfo?.BinderModelName ?? parameter.Name)
            .Order(StringComparer.Ordinal)
            .ToArray();
        return keys;
    }
}
