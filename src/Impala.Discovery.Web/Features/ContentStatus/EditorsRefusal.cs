using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Impala.Discovery.Web.Features.ContentStatus;

/// <summary>
/// What a request the editors' policy refuses gets: the site's ordinary 404 page (through the status-code pages), not
/// a challenge or a 403. The site has no login to redirect to, and a 401 or 403 would tell a stranger that the page
/// exists. Any other policy keeps ASP.NET Core's own answer.
/// </summary>
public sealed class EditorsRefusal : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _platform = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Succeeded && policy.Requirements.OfType<EditorsRequirement>().Any())
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return _platform.HandleAsync(next, context, policy, authorizeResult);
    }
}
