using Microsoft.AspNetCore.Mvc.Routing;

namespace Impala.Discovery.Web.Features.Shared;

/// <summary>
/// A page route that also answers HEAD, as link checkers, crawlers and link-preview bots expect. Every route does since
/// <see cref="HeadRequests.UseHeadLikeGet"/> sends HEAD through as GET; this says so where the route is declared.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class HttpGetOrHeadAttribute(string template) : HttpMethodAttribute(["GET", "HEAD"], template);
