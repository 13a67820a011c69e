using System.Text.Json;
using Impala.Discovery.Web.Content.Addresses;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Impala.Discovery.Tests.Features.Api;

/// <summary>The OpenAPI document describes every API endpoint the app maps, its parameters and its answers' shapes.</summary>
public sealed class OpenApiDocumentTests : IAsyncLifetime
{
    private readonly DiscoveryFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private async Task<JsonElement> DocumentAsync() =>
        await ApiResponse.OkAsync(_factory.CreateClient(), SitePaths.OpenApiDocument);

    [Fact]
    public async Task Document_ListsEveryApiRouteTheAppMaps_AndNoPage()
    {
        // Read from the app itself, so an endpoint added tomorrow without documentation fails here.
        var mapped = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(endpoint => "/" + endpoint.RoutePattern.RawText!.TrimStart('/'))
            .Where(path => path.StartsWith(SitePaths.Api + "/", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        var document = await DocumentAsync();

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var documented = document.GetProperty("paths").EnumerateObject().Select(path => path.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(mapped, documented);
        Assert.Equal(7, documented.Count);
        Assert.Contains("/api/v1/{kind}/{slug}", documented);
    }

    [Fact]
    public async Task KindEndpoint_DocumentsItsFiltersPagingAndProblems()
    {
        var operation = (await DocumentAsync()).GetProperty("paths").GetProperty("/api/v1/{kind}").GetProperty("get");

        Assert.Equal(["kind", "country", "decade", "page", "pageSize"], operation.GetProperty("parameters").EnumerateArray().Select(parameter => parameter.GetProperty("name").GetString()));
        var responses = operation.GetProperty("responses");
        Assert.EndsWith("/ApiEntryPage", responses.GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.True(responses.GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _));
    }

    [Theory]
    [InlineData("/api/v1/{kind}/{slug}")]
    [InlineData("/api/v1/articles/{slug}")]
    public async Task EntryAndArticle_DocumentTheRedirectAndGoneOfFormerAddresses(string path)
    {
        var responses = (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses");

        Assert.True(responses.TryGetProperty("301", out _));
        Assert.True(responses.GetProperty("410").GetProperty("content").TryGetProperty("application/problem+json", out _));
    }

    [Fact]
    public async Task Schemas_NameTheStableFields()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");

        var entry = schemas.GetProperty("ApiEntry").GetProperty("properties").EnumerateObject().Select(property => property.Name).ToList();
        Assert.Equal(["name", "slug", "kind", "caption", "year", "countries", "facts", "bodyHtml", "article", "rank", "aliases", "url", "apiUrl", "imageUrl", "related", "linkedFrom", "relatedGroups", "picture"], entry);
        Assert.Equal(["by", "heading", "entries"], schemas.GetProperty("ApiRelatedGroup").GetProperty("properties").EnumerateObject().Select(property => property.Name));
        Assert.Equal(["alt", "credit", "width", "height", "renditions"], schemas.GetProperty("ApiPicture").GetProperty("properties").EnumerateObject().Select(property => property.Name));
        Assert.Equal(["url", "width", "height", "type", "square"], schemas.GetProperty("ApiPictureRendition").GetProperty("properties").EnumerateObject().Select(property => property.Name));
        Assert.Equal("date", schemas.GetProperty("ApiArticleSummary").GetProperty("properties").GetProperty("published").GetProperty("format").GetString());
        // Numbers are documented as numbers, not "integer or string".
        Assert.Equal(["null", "integer"], schemas.GetProperty("ApiEntrySummary").GetProperty("properties").GetProperty("year").GetProperty("type").EnumerateArray().Select(type => type.GetString()));
    }
}
