using Microsoft.AspNetCore.Authorization;

namespace Impala.Discovery.Web.Features.ContentStatus;

/// <summary>The editors' policy's one requirement: met by <see cref="EditorsTokenHandler"/>.</summary>
public sealed class EditorsRequirement : IAuthorizationRequirement
{
    // Authorization logs name the requirements a request did not meet: this, never the token.
    public override string ToString() => "the editors' token (Discovery:StatusToken)";
}
