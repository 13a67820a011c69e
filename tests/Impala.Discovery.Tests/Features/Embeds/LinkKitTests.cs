using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Impala.Discovery.Web.Features.Caching;
using Microsoft.Extensions.DependencyInjection;

namespace Impala.Discovery.Tests.Features.Embeds;

/// <summary>The "Link to this page" section a member copies from: their permanent address, and the badge as HTML and Markdown.</summary>
public sealed class LinkKitTests(SiteFixture site)
{
    private const string Site = "http://localhost";

    private static IElement Field(IHtmlDocument page, string label)
    {
        var labelElement = Assert.Single(page.QuerySelectorAll(".link-kit label"), element => element.TextContent == label);
        var field = page.GetElementById(labelElement.GetAttribute("for")!)!;
        Assert.True(field.HasAttribute("readonly"), $"'{label}' is for copying, not editing");
        return field;
    }

    [Theory]
    [InlineData("/labels/ninja-tune")]
    [InlineData("/venues/paradiso")]
    [InlineData("/associations/aim")]
    public async Task EveryMembersPage_OffersItsPermanentAddressToCopy(string path)
    {
        var page = await site.GetPageAsync(path);

        Assert.Equal("Link to this page", page.QuerySelector(".link-kit h2")!.TextContent);
        var address = Field(page, "Permanent address");
        Assert.Equal("INPUT", address.TagName);
        Assert.Equal(page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), address.GetAttribute("value"));
    }

    [Fact]
    public async Task PageOfAKindWithoutMembers_OffersNoLinkKit()
    {
        // Milestones are not declared 'members: true' in kinds.yml: nobody is there to put a badge on their site.
        var page = await site.GetPageAsync("/milestones/sony-bmg-court-victory");

        Assert.Empty(page.QuerySelectorAll(".link-kit"));
    }

    [Fact]
    public async Task KindDeclaredMembersByAnEditor_GetsTheLinkKit_WithoutACodeChange()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        var kinds = Path.Combine(content, "kinds.yml");
        File.WriteAllText(kinds, File.ReadAllText(kinds).Replace("    singular: Milestone\n", "    singular: Milestone\n    members: true\n", StringComparison.Ordinal));
        await using var factory = new DiscoveryFactory(content);
        using var client = factory.CreateClient();

        var page = await Html.ParseAsync(await client.GetStringAsync("/milestones/sony-bmg-court-victory", TestContext.Current.CancellationToken));

        Assert.Single(page.QuerySelectorAll(".link-kit"));
    }

    [Fact]
    public async Task BadgePreview_ShowsTheLightAndDarkBadgeAsTheyWillLook_WithEachFormatToDownload()
    {
        var page = await site.GetPageAsync("/labels/ninja-tune");

        var previews = page.QuerySelectorAll(".link-kit-badge");
        var version = (await site.Services.GetRequiredService<ContentValidators>().CurrentAsync(TestContext.Current.CancellationToken)).Version;
        Assert.Equal([$"/badge/labels/ninja-tune.svg?v={version}", $"/badge/labels/ninja-tune.svg?theme=dark&v={version}"], previews.Select(preview => preview.QuerySelector("img")!.GetAttribute("src")));
        Assert.Equal(
            [["/badge/labels/ninja-tune.svg", "/badge/labels/ninja-tune.png"], ["/badge/labels/ninja-tune.svg?theme=dark", "/badge/labels/ninja-tune.png?theme=dark"]],
            previews.Select(preview => preview.QuerySelectorAll("figcaption a").Select(link => link.GetAttribute("href")).ToArray()));
        foreach (var address in previews.SelectMany(preview => preview.QuerySelectorAll("figcaption a")).Select(link => link.GetAttribute("href")))
        {
            using var badge = await site.Client.GetAsync(address, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, badge.StatusCode);
            Assert.Equal("public, max-age=604800", badge.Headers.CacheControl?.ToString());
        }

        // What the page itself shows is named by the content version: kept a year (Lighthouse's uses-long-cache-ttl).
        foreach (var preview in previews.Select(preview => preview.QuerySelector("img")!.GetAttribute("src")))
        {
            using var badge = await site.Client.GetAsync(preview, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, badge.StatusCode);
            Assert.Equal("public, max-age=31536000, immutable", badge.Headers.CacheControl?.ToString());
        }

        var dark = await Html.ParseAsync(Field(page, "Dark badge, as HTML").TextContent);
        Assert.Equal($"{Site}/badge/labels/ninja-tune.svg?theme=dark", dark.QuerySelector("img")!.GetAttribute("src"));
    }

    [Fact]
    public async Task EmbedSnippet_IsBesideTheLinkSnippets_AndShowsTheCardItFrames()
    {
        var page = await site.GetPageAsync("/venues/paradiso");

        var snippet = await Html.ParseAsync(Field(page, "Card, as HTML").TextContent);
        var frame = Assert.Single(snippet.QuerySelectorAll("iframe"));
        Assert.Equal($"{Site}/embed/venues/paradiso", frame.GetAttribute("src"));
        Assert.Equal("border:0;max-width:100%", frame.GetAttribute("style"));
        Assert.Equal(["400", "300"], [frame.GetAttribute("width"), frame.GetAttribute("height")]);
        Assert.Equal("Paradiso on Impala Discovery", frame.GetAttribute("title"));
        var preview = Assert.Single(page.QuerySelectorAll(".link-kit iframe"));
        Assert.Equal("/embed/venues/paradiso", preview.GetAttribute("src"));
    }

    [Fact]
    public async Task BadgeSnippet_IsALinkToThePageAroundTheBadgeWithItsTextAndSize()
    {
        var page = await site.GetPageAsync("/labels/ninja-tune");

        var html = Field(page, "Badge, as HTML");
        Assert.Equal("TEXTAREA", html.TagName);
        var snippet = await Html.ParseAsync(html.TextContent);
        var link = Assert.Single(snippet.QuerySelectorAll("a"));
        Assert.Equal($"{Site}/labels/ninja-tune", link.GetAttribute("href"));
        var badge = Assert.Single(link.QuerySelectorAll("img"));
        Assert.Equal($"{Site}/badge/labels/ninja-tune.svg", badge.GetAttribute("src"));
        Assert.Equal("Featured in IMPALA's discovery series: Ninja Tune", badge.GetAttribute("alt"));
        Assert.Equal("360", badge.GetAttribute("width"));
        Assert.Equal("80", badge.GetAttribute("height"));
        // Written for people to paste and read: no character references where none are needed.
        Assert.DoesNotContain("&#", html.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarkdownSnippet_ShowsTheBadgeAndKeepsBracketsInANameLiteral()
    {
        var pias = await site.GetPageAsync("/labels/pias");
        var ninja = await site.GetPageAsync("/labels/ninja-tune");

        Assert.Equal(
            $"[![Featured in IMPALA's discovery series: Ninja Tune]({Site}/badge/labels/ninja-tune.svg)]({Site}/labels/ninja-tune)",
            Field(ninja, "Badge, as Markdown").TextContent);
        Assert.Equal(
            $"[![Featured in IMPALA's discovery series: \\[PIAS\\]]({Site}/badge/labels/pias.svg)]({Site}/labels/pias)",
            Field(pias, "Badge, as Markdown").TextContent);
    }

    [Fact]
    public async Task HtmlSnippet_EscapesAQuoteInAName()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        var file = Path.Combine(content, "articles", "2021-03-record-labels.md");
        File.WriteAllText(file, File.ReadAllText(file).Replace("## Ninja Tune\n", "## Ninja \"Tune\" <b>\n- **Slug:** ninja-tune\n", StringComparison.Ordinal));
        await using var factory = new DiscoveryFactory(content);
        using var client = factory.CreateClient();

        var page = await Html.ParseAsync(await client.GetStringAsync("/labels/ninja-tune", TestContext.Current.CancellationToken));

        var snippet = await Html.ParseAsync(Field(page, "Badge, as HTML").TextContent);
        Assert.Equal("Featured in IMPALA's discovery series: Ninja \"Tune\" <b>", snippet.QuerySelector("img")!.GetAttribute("alt"));
        Assert.Empty(snippet.QuerySelectorAll("b"));
    }
}
