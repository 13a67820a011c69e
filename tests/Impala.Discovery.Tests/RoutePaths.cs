using Microsoft.AspNetCore.Routing.Patterns;

namespace Impala.Discovery.Tests;

/// <summary>A route template made into a path, each parameter given a value.</summary>
public static class RoutePaths
{
    public static string PathOf(RoutePattern pattern, Func<string, string> valueOf) =>
        "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => valueOf(parameter.Name),
            _ => "",
        }))));
}
