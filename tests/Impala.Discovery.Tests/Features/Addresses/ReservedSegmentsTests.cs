using Impala.Discovery.Web.Content.Addresses;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Impala.Discovery.Tests.Features.Addresses;

/// <summary>
/// Found by the issue-21 sweep: kinds.yml accepted a kind keyed 'admin'; its list at /admin was the browser editor,
/// while the home page and the menu linked it as the kind's list. Every first segment a route of the app owns (read
/// from the app, so a route added later is covered) is a key no kind may take.
/// </summary>
public sealed class ReservedSegmentsTests(SiteFixture site)
{
    [Fact]
    public void EveryRoutesFirstSegment_IsReservedFromKinds()
    {
        var firstSegments = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.PathSegments.Count > 0)
            .Select(endpoint => endpoint.RoutePattern.PathSegments[0].Parts)
            .Where(parts => parts is [RoutePatternLiteralPart])
            .Select(parts => ((RoutePatternLiteralPart)parts[0]).Content)
            // What a kind's key may be at all: lower-case letters, digits and hyphens ("favicon.ico" never is).
            .Where(segment => segment.All(character => char.IsAsciiLetterLower(character) || char.IsAsciiDigit(character) || character == '-'))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

        Assert.Contains("admin", firstSegments);
        Assert.Empty(firstSegments.Except(SitePaths.ReservedSegments, StringComparer.OrdinalIgnoreCase));
    }
}
