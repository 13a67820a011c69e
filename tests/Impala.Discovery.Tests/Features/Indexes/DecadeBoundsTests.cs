using System.Net;

namespace Impala.Discovery.Tests.Features.Indexes;

/// <summary>
/// Years are written with four digits, so a decade of five or more digits cannot mean anything: before, each one
/// ("Labels from the 99990s", up to the 2,147,483,640s) was a page of its own, empty but listed in search results,
/// and the API answered it as an empty list (found replaying issue 21).
/// </summary>
public sealed class DecadeBoundsTests(SiteFixture site)
{
    [Theory]
    [InlineData("/labels?decade=10000s")]
    [InlineData("/labels?decade=99990s")]
    [InlineData("/labels?decade=2147483640s")]
    [InlineData("/labels?country=denmark&decade=99990")]
    [InlineData("/api/v1/labels?decade=10000s")]
    [InlineData("/api/v1/labels?decade=99990")]
    public async Task ADecadeOfMoreThanFourDigits_IsABadRequest(string path)
    {
        using var response = await site.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/labels?decade=1000s")]
    [InlineData("/labels?decade=9990s")]
    [InlineData("/api/v1/labels?decade=9990s")]
    public async Task AFourDigitDecade_IsStillAPage(string path)
    {
        using var response = await site.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
