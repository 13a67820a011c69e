using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace Impala.Discovery.Web.Features.Caching;

/// <summary>
/// Compression over HTTPS opens the door to BREACH, which needs a secret in the body next to text an attacker
/// controls. Public pages carry no secret (no cookies, no tokens, nothing per visitor), so they are compressed; the
/// pages that might (the content status page and previews, behind the editors' token) are no-store and are not.
/// </summary>
public sealed class PublicResponseCompression(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : ResponseCompressionProvider(services, options)
{
    public override bool ShouldCompressResponse(HttpContext context) =>
        !context.Response.Headers.CacheControl.Any(value => value?.Contains("no-store", StringComparison.OrdinalIgnoreCase) == true)
        && base.ShouldCompressResponse(context);
}
