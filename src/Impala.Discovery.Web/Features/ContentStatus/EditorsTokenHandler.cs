using System.Security.Cryptography;
using System.Text;
using Impala.Discovery.Web.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Impala.Discovery.Web.Features.ContentStatus;

/// <summary>
/// Meets <see cref="EditorsRequirement"/> for everyone in Development; in Production for whoever sends
/// Discovery:StatusToken as the header X-Status-Token or as ?token=, compared in constant time (of the hashes, so the
/// lengths tell nothing either). No token configured: nobody. Never "from loopback": behind a proxy every request is.
/// </summary>
public sealed class EditorsTokenHandler(IWebHostEnvironment environment, IOptions<DiscoveryOptions> options) : AuthorizationHandler<EditorsRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, EditorsRequirement requirement)
    {
        // With endpoint routing the resource authorized is the request.
        if (environment.IsDevelopment() || (context.Resource is HttpContext http && CarriesTheToken(http.Request)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    private bool CarriesTheToken(HttpRequest request)
    {
        var expected = options.Value.StatusToken;
        var given = request.Query["token"].FirstOrDefault() ?? request.Headers[EditorsGate.TokenHeader].ToString();
        return expected.Length > 0
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
