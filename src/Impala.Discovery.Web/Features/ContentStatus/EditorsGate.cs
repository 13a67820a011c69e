using System.Security.Cryptography;
using System.Text;
using Impala.Discovery.Web.Content;
using Microsoft.Extensions.Options;

namespace Impala.Discovery.Web.Features.ContentStatus;

/// <summary>
/// Who may see editors' pages (the status page, draft previews): everyone in Development; in Production whoever sends
/// Discovery:StatusToken as the header X-Status-Token or as ?token=, compared in constant time. Never "from loopback":
/// behind a proxy every request is.
/// </summary>
public static class EditorsGate
{
    public const string TokenHeader = "X-Status-Token";

    public static bool MayOpen(HttpContext context)
    {
        if (context.RequestServices.GetRequiredService<IWebHostEnvironment>().IsDevelopment())
        {
            return true;
        }

        var expected = context.RequestServices.GetRequiredService<IOptions<DiscoveryOptions>>().Value.StatusToken;
        var given = context.Request.Query["token"].FirstOrDefault() ?? context.Request.Headers[TokenHeader].ToString();
        return expected.Length > 0
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
