using Impala.Discovery.Web.Content.Addresses;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Impala.Discovery.Tests.Features.Addresses;

/// <summary>
/// The one address type reads every path the app routes: each route template of the running app, its parameters given
/// real values, parses, and what is built from a page names that page's own address back.
/// </summary>
public sealed class RouteTemplateTests(SiteFixture site)
{
    // A value for each route parameter, such as a page of the frozen fixture would have.
    private static readonly Dictionary<string, string> Values = new(StringComparer.OrdinalIgnoreCase)
    {
        ["kind"] = "labels",
        ["slug"] = "ninja-tune",
        ["code"] = "404",
        ["hash"] = "0f3a9c",
        ["name"] = "480.webp",
        ["documentName"] = "v1",
    };

    // The catch-all and file parameters hold a page's path and an extension.
    private static readonly Dictionary<string, string> FileValues = new(StringComparer.Ordinal)
    {
        ["/cards/{**page}"] = "labels/ninja-tune.png",
        ["/artwork/{**page}"] = "series/record-labels.svg",
        ["/badge/{kind}/{file}"] = "ninja-tune.svg",
    };

    [Fact]
    public void EveryRouteTemplate_IsReadByTheAddressType()
    {
        _ = site.Client; // starts the app, whose endpoint data source is read below
        var templates = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(endpoint => endpoint.RoutePattern).DistinctBy(pattern => pattern.RawText).ToList();

        var unread = new List<string>();
        foreach (var pattern in templates)
        {
            var raw = "/" + pattern.RawText!.TrimStart('/');
            var path = RoutePaths.PathOf(pattern, name => FileValues.TryGetValue(raw, out var file) && name is "page" or "file" ? file : Values.GetValueOrDefault(name, "x"));
            if (!SitePath.TryParse(path, out var read))
            {
                unread.Add($"{raw} as {path}");
            }
        }

        Assert.True(templates.Count > 30, $"only {templates.Count} templates were found");
        Assert.True(unread.Count == 0, "not read by SitePath:\n" + string.Join("\n", unread));
    }

    [Theory]
    [InlineData("/", PageType.Home, null, null)]
    [InlineData("/about", PageType.About, null, null)]
    [InlineData("/series", PageType.Series, null, null)]
    [InlineData("/series/record-labels", PageType.Article, null, "record-labels")]
    [InlineData("/countries/czech-republic", PageType.Country, null, "czech-republic")]
    [InlineData("/artists/amon-tobin", PageType.Artist, null, "amon-tobin")]
    [InlineData("/labels", PageType.KindIndex, "labels", null)]
    [InlineData("/labels/ninja-tune", PageType.Entry, "labels", "ninja-tune")]
    public void APagePath_ReadsAsItsPage_AndBuildsBackToItself(string path, PageType type, string? kind, string? slug)
    {
        Assert.True(PageAddress.TryParse(path, out var page));
        Assert.Equal(new PageAddress(type, kind, slug), page);
        Assert.Equal(path, page.Path);
    }

    [Theory]
    [InlineData("/cards/home.png", PathArea.Card, "/")]
    [InlineData("/cards/labels/ninja-tune.png", PathArea.Card, "/labels/ninja-tune")]
    [InlineData("/cards/countries.png", PathArea.Card, "/countries")]
    [InlineData("/artwork/series/record-labels.svg", PathArea.Artwork, "/series/record-labels")]
    [InlineData("/embed/labels/ninja-tune", PathArea.Embed, "/labels/ninja-tune")]
    [InlineData("/embed/series/record-labels", PathArea.Embed, "/series/record-labels")]
    [InlineData("/badge/labels/ninja-tune.png", PathArea.Badge, "/labels/ninja-tune")]
    [InlineData("/api/v1/labels/ninja-tune", PathArea.Api, "/labels/ninja-tune")]
    [InlineData("/api/v1/labels", PathArea.Api, "/labels")]
    [InlineData("/api/v1/articles/record-labels", PathArea.Api, "/series/record-labels")]
    [InlineData("/api/v1/countries/denmark", PathArea.Api, "/countries/denmark")]
    [InlineData("/preview/record-labels", PathArea.Preview, "/series/record-labels")]
    public void WhatIsBuiltFromAPage_NamesThatPage(string path, PathArea area, string pagePath)
    {
        Assert.True(SitePath.TryParse(path, out var read));
        Assert.Equal(area, read.Area);
        Assert.Equal(pagePath, read.Page?.Path);
    }

    [Theory]
    [InlineData("/Labels/Ninja-Tune")]
    [InlineData("/labels/ninja-tune/")]
    [InlineData("/labels//ninja-tune")]
    [InlineData("/cards/labels//ninja-tune.png")]
    [InlineData("/cards//.png")]
    [InlineData("/cards/.png")]
    [InlineData("/artwork/home.svg")]
    [InlineData("/artwork.svg")]
    [InlineData("/embed/countries/denmark")]
    [InlineData("/badge/series/record-labels.svg")]
    [InlineData("/badge/labels/ninja-tune.gif")]
    [InlineData("/api/v1/countries")]
    [InlineData("/labels/ninja-tune/facts")]
    [InlineData("/labels/ninja--tune")]
    [InlineData("/labels/-ninja")]
    [InlineData("labels")]
    [InlineData("")]
    public void AnyOtherSpelling_NamesNoAddress(string path)
    {
        Assert.False(SitePath.TryParse(path, out _));
    }
}
