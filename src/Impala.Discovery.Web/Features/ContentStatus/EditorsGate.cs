using Microsoft.AspNetCore.Authorization;

namespace Impala.Discovery.Web.Features.ContentStatus;

/// <summary>
/// Who may see editors' pages (the status page, draft previews): the authorization policy <see cref="Policy"/>, put on
/// their controllers with <c>[Authorize(Policy = EditorsGate.Policy)]</c>. <see cref="EditorsTokenHandler"/> says who
/// meets it; <see cref="EditorsRefusal"/> answers anyone else with the site's ordinary 404, so that a stranger cannot
/// tell the pages exist.
/// </summary>
public static class EditorsGate
{
    public const string Policy = "Editors";

    public const string TokenHeader = "X-Status-Token";

    public static IServiceCollection AddEditorsGate(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.AddRequirements(new EditorsRequirement()));
        services.AddSingleton<IAuthorizationHandler, EditorsTokenHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, EditorsRefusal>();
        return services;
    }
}
