using System.Text.Json.Serialization;
using Impala.Discovery.Web.Content.Addresses;
using Microsoft.AspNetCore.Mvc;

namespace Impala.Discovery.Web.Features.Api;

/// <summary>Wires the JSON API: its OpenAPI document, CORS for other sites' pages, and problem details for its errors.</summary>
public static class ApiRegistration
{
    private const string CorsPolicy = "Api";

    /// <summary>
    /// Other sites' pages may read the API, its OpenAPI document and the oEmbed answers (a consumer may ask from a
    /// browser); every other address stays same-origin.
    /// </summary>
    public static bool IsOpenToOtherSites(PathString path) =>
        SitePath.AreaOf(path) == PathArea.Api
        || path.Equals(SitePaths.OpenApiDocument, StringComparison.OrdinalIgnoreCase)
        || path.Equals(SitePaths.OEmbed, StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddDiscoveryApi(this IServiceCollection services)
    {
        // Problems made by the API's actions (and by [ApiController] for a query value it cannot read) name the address.
        services.AddProblemDetails(options => options.CustomizeProblemDetails = problem =>
        {
            problem.ProblemDetails.Instance ??= problem.HttpContext.Request.Path;
            if (problem.ProblemDetails is ValidationProblemDetails)
            {
                problem.ProblemDetails.Detail ??= "A query value could not be read: 'errors' names each one.";
            }
        });
        // ASP.NET Core names most client errors' problems, but not 410, which a deleted entry's or article's address answers.
        services.Configure<ApiBehaviorOptions>(options => options.ClientErrorMapping[StatusCodes.Status410Gone] =
            new() { Title = "Gone", Link = "https://tools.ietf.org/html/rfc9110#section-15.5.11" });
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Head)
            .AllowAnyHeader()
            .WithExposedHeaders("ETag", "Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromDays(1))));
        // The document's schemas follow these options: numbers are numbers (the web default also reads them from strings,
        // which would make every integer "integer or string"). Only reading is affected, and the API reads no bodies.
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        services.AddOpenApi(options =>
        {
            // The document describes the API only, not the HTML pages (which are controllers too).
            options.ShouldInclude = description => description.RelativePath?.StartsWith(SitePaths.Api.TrimStart('/') + "/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "IMPALA discovery series API";
                document.Info.Description = "Read-only JSON: the kinds, entries, articles and countries of IMPALA's discovery series. "
                    + "Field names are only ever added within v1, never renamed or removed. Errors are RFC 9457 problem details.";
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>
    /// CORS and problem details for API addresses. Goes after the status-code and exception pages and before the page
    /// cache: CORS headers then reach cached answers too, and re-executed errors of API addresses become problems.
    /// </summary>
    public static IApplicationBuilder UseDiscoveryApi(this IApplicationBuilder app) =>
        app.UseWhen(context => IsOpenToOtherSites(ApiProblems.AddressAsked(context)), api => api
            // The CORS middleware answers only requests that carry Origin; a shared cache keeps one copy for all, so
            // every answer says it is open (the same "*" the policy gives), whoever asked first.
            .Use((context, next) =>
            {
                context.Response.Headers.AccessControlAllowOrigin = "*";
                return next(context);
            })
            .UseCors(CorsPolicy)
            .Use(ApiProblems.InsteadOfErrorPagesAsync));

    /// <summary>The OpenAPI document at <see cref="SitePaths.OpenApiDocument"/>.</summary>
    public static IEndpointRouteBuilder MapDiscoveryApiDocument(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi();
        return endpoints;
    }
}
