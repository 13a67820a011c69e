using System.Net;
using YamlDotNet.RepresentationModel;

namespace Impala.Discovery.Tests.Features.Admin;

/// <summary>The browser editor at /admin/: served by the site itself, configured from kinds.yml, with its own headers.</summary>
public sealed class BrowserEditorTests
{
    [Fact]
    public async Task AdminPage_IsNoindexUncachedAndLoadsTheEditorFromThisSiteOnly()
    {
        await using var factory = new DiscoveryFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/admin/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("noindex", response.Headers.GetValues("X-Robots-Tag").Single());
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        var scripts = page.QuerySelectorAll("script").Select(script => script.GetAttribute("src")!).ToList();
        Assert.All(scripts, src => Assert.StartsWith("/admin/", src));
        foreach (var src in scripts)
        {
            using var script = await client.GetAsync(src, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        }
    }

    [Fact]
    public async Task AdminHasItsOwnContentSecurityPolicy_AndTheRestOfTheSiteKeepsTheStrictOne()
    {
        await using var factory = new DiscoveryFactory(settings: new Dictionary<string, string> { ["Discovery:Admin:LocalBackendUrl"] = "http://127.0.0.1:8081/api/v1" });
        using var client = factory.CreateClient();

        using var admin = await client.GetAsync("/admin/", TestContext.Current.CancellationToken);
        using var home = await client.GetAsync("/", TestContext.Current.CancellationToken);

        var adminPolicy = admin.Headers.GetValues("Content-Security-Policy").Single();
        var sitePolicy = home.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("'unsafe-eval'", adminPolicy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self' blob: https://api.github.com http://127.0.0.1:8081;", adminPolicy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", adminPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", sitePolicy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", sitePolicy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_OffersEveryKindOfKindsYml_AndANewKindWithNoCode()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        await using var factory = new DiscoveryFactory(content, settings: new Dictionary<string, string>
        {
            ["Discovery:Admin:Backend"] = "gitea",
            ["Discovery:Admin:Repository"] = "impala/content",
            ["Discovery:Admin:ApiRoot"] = "https://git.example.org/api/v1",
            ["Discovery:Admin:ContentFolder"] = "",
        });
        using var client = factory.CreateClient();
        File.AppendAllText(Path.Combine(content, "kinds.yml"), """

              - key: festivals
                singular: Festival
                plural: Festivals
                colour: "#7c3aed"
                intro: Festivals.
                facts:
                  - { key: Country, type: country, required: true }

            """);

        var config = await ConfigAsync(client);

        var backend = (YamlMappingNode)config.Children["backend"];
        Assert.Equal("gitea", backend.Children["name"].ToString());
        Assert.Equal("https://git.example.org/api/v1", backend.Children["api_root"].ToString());
        Assert.Equal("editorial_workflow", config.Children["publish_mode"].ToString());
        Assert.Equal("images", config.Children["media_folder"].ToString());
        var articles = (YamlMappingNode)((YamlSequenceNode)config.Children["collections"]).Children[0];
        Assert.Equal("articles", articles.Children["folder"].ToString());
        var fields = ((YamlSequenceNode)articles.Children["fields"]).Children.Cast<YamlMappingNode>().ToDictionary(field => field.Children["name"].ToString());
        Assert.Equal(["title", "kind", "published", "summary", "draft", "image", "image_alt", "image_credit", "aliases", "body"], fields.Keys);
        var kinds = ((YamlSequenceNode)fields["kind"].Children["options"]).Children.Cast<YamlMappingNode>().Select(option => option.Children["value"].ToString());
        Assert.Equal(["labels", "venues", "associations", "milestones", "festivals"], kinds);
    }

    [Fact]
    public async Task Sitemap_DoesNotListTheEditor()
    {
        await using var factory = new DiscoveryFactory();
        using var client = factory.CreateClient();

        var sitemap = await client.GetStringAsync("/sitemap.xml", TestContext.Current.CancellationToken);

        Assert.DoesNotContain("/admin", sitemap, StringComparison.Ordinal);
    }

    private static async Task<YamlMappingNode> ConfigAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/admin/config.yml", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }
}
