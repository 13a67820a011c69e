using Impala.Discovery.Web.Features.Edge;

namespace Impala.Discovery.Tests.Features.Edge;

/// <summary>The one function every redirect passes, against addresses known to lead browsers off a site.</summary>
public sealed class LocalPathTests
{
    public static TheoryData<string> OpenRedirectPayloads =>
    [
        "//evil.example",
        "///evil.example",
        "////evil.example/",
        "/\\evil.example",
        "/\\\\evil.example",
        "\\\\evil.example",
        "/.\\\\evil.example",
        "/\tevil.example",
        "/\t/evil.example",
        "/%09/evil.example",
        "/%09/evil.example/l",
        "/%0a/evil.example",
        "/%0D%0A/evil.example",
        "/%00/evil.example",
        "/ /evil.example",
        "/%20/evil.example",
        "/%2F%2Fevil.example",
        "/%2f%2fevil.example",
        "/%2F/evil.example",
        "/%5Cevil.example",
        "/%5cevil.example",
        "/%252F%252Fevil.example",
        "/\u2215evil.example",
        "/\uFF0Fevil.example",
        "/%E2%88%95evil.example",
        "/%EF%BC%8Fevil.example",
        "/%EF%BC%BCevil.example",
        "/\u3002evil.example",
        "http:evil.example",
        "http://evil.example",
        "https:/evil.example",
        "javascript:alert(1)",
        "evil.example",
        "~/evil.example",
        "",
        " /labels",
        "/labels\r\nSet-Cookie: x=1",
        "/labels%0D%0ASet-Cookie:%20x=1",
        "/labels/ninj\u00e4",
        "/labels/%",
        "/labels/%zz",
        "/labels/%C",
        "/labels/\u007F",
    ];

    [Theory]
    [MemberData(nameof(OpenRedirectPayloads))]
    public void IsLocal_KnownOpenRedirectPayload_IsRefused(string address) => Assert.False(LocalPath.IsLocal(address));

    [Theory]
    [InlineData("/")]
    [InlineData("/labels")]
    [InlineData("/labels/ninja-tune")]
    [InlineData("/countries/%C3%96sterreich")]
    [InlineData("/labels/ninj%C3%A4?x=1")]
    [InlineData("/search?q=%2F%2Fevil.example")]
    [InlineData("/labels?country=denmark&decade=1990s")]
    [InlineData("/labels/..%2F..%2Fetc")]
    public void IsLocal_PathOnThisSite_IsAccepted(string address) => Assert.True(LocalPath.IsLocal(address));

    [Theory]
    [InlineData("/Labels/Ninja-Tune", "/labels/ninja-tune")]
    [InlineData("/Countries/%C3%96sterreich", "/countries/%C3%96sterreich")]
    [InlineData("/Labels/ninj%c3%a4", "/labels/ninj%C3%A4")]
    [InlineData("/LABELS/%2F%2FEvil", "/labels/%2F%2Fevil")]
    public void Lowercased_LowersAsciiLettersAndKeepsEscapes(string path, string expected) => Assert.Equal(expected, LocalPath.Lowercased(path));

    [Theory]
    [InlineData("/labels/ninja-tune")]
    [InlineData("/countries/%C3%96sterreich")]
    [InlineData("/")]
    public void Lowercased_PathWithoutCapitals_IsNull(string path) => Assert.Null(LocalPath.Lowercased(path));
}
