using Impala.Discovery.Web.Features.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace Impala.Discovery.Web.Features.Shared;

/// <summary>
/// The one rule for a query key given twice: when an action reads the key as one value (?country=, ?page=, ?q=,
/// ?theme=…), ?country=denmark&amp;country=france is a 400 that names the key, on every page and every API address
/// alike. Reading the first value here and the last there made one address mean two pages, and the page cache (which
/// joins the values) serve one for the other. Keys the action does not read are ignored, repeated or not. Runs before
/// model binding, so no binder ever has to pick a value.
/// </summary>
public sealed class RepeatedQueryKeys : IResourceFilter
{
    /// <summary>Where the refusal's sentence waits for the 400 page that is re-executed for it.</summary>
    public const string ReasonKey = "Discovery.RefusalReason";

    public static string Reason(string key) => $"Give one '{key}': this address gives it more than once.";

    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        if (context.ActionDescriptor is not ControllerActionDescriptor action
            || QueryKeysReadByAction.RepeatedKey(context.HttpContext.Request, action) is not { } key)
        {
            return;
        }

        var http = context.HttpContext;
        var reason = Reason(key);
        if (ApiRegistration.IsOpenToOtherSites(http.Request.Path))
        {
            // The API's own shape for a 400 (and oEmbed's): the problem its actions write.
            var problem = http.RequestServices.GetRequiredService<ProblemDetailsFactory>()
                .CreateProblemDetails(http, StatusCodes.Status400BadRequest, detail: reason, instance: http.Request.Path);
            context.Result = new ObjectResult(problem) { StatusCode = StatusCodes.Status400BadRequest };
            return;
        }

        // The site's own 400 page, re-executed for the status, says why.
        http.Items[ReasonKey] = reason;
        context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
