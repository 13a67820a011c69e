using Microsoft.AspNetCore.Mvc.Routing;

namespace Impala.Discovery.Web.Features.Shared;

/// <summary>
/// A page route that also answers HEAD, as link checkers, crawlers and link-preview bots expect
/// (Kestrel leaves the body out of HEAD responses by itself).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class HttpGetOrHeadAttribute(string template) : HttpMethodAttribute(["GET", "HEAD"], template);
