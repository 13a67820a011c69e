using System.Net;
using Impala.Discovery.Tests.Content;

namespace Impala.Discovery.Tests.Features;

/// <summary>The app over copies of the frozen content that a test changes: what editors and operators do to a running site.</summary>
public sealed class ContentChangesTests
{
    private const string Labels = "2021-03-record-labels.md";

    private static string ArticlePath(string content, string file) => Path.Combine(content, "articles", file);

    private static void Edit(string content, string file, string find, string replace)
    {
        var path = ArticlePath(content, file);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ContentFolderWithABrokenFile_StillServesEverythingElse()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        Edit(content, "2021-02-music-venues.md", "kind: venues", "kind: venuez");
        await using var factory = new DiscoveryFactory(content);
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(client, "/labels/ninja-tune"));
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(client, "/associations/runda"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync(client, "/venues/loppen"));
    }

    [Fact]
    public async Task EditedFile_IsServedWithoutARestart()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        await using var factory = new DiscoveryFactory(content, watchContent: true);
        using var client = factory.CreateClient();
        Assert.Contains("London, United Kingdom", await client.GetStringAsync("/labels/ninja-tune", TestContext.Current.CancellationToken));

        Edit(content, Labels, "- **City:** London", "- **City:** Brixton");

        var page = await WaitForAsync(client, "/labels/ninja-tune", html => html.Contains("Brixton, United Kingdom", StringComparison.Ordinal));
        Assert.Contains("Brixton, United Kingdom", page);
    }

    [Fact]
    public async Task SameSizeEditWhoseToolRestoredTheFileTime_IsServedWithoutARestart()
    {
        // cp -p, tar and sync tools write a file and then give it back its old time: only the watcher knows it changed.
        var content = TempFolder.CopyOf(FrozenContent.Path);
        var path = ArticlePath(content, Labels);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(-1));
        await using var factory = new DiscoveryFactory(content, watchContent: true);
        using var client = factory.CreateClient();
        Assert.Contains("London, United Kingdom", await client.GetStringAsync("/labels/ninja-tune", TestContext.Current.CancellationToken));
        var time = File.GetLastWriteTimeUtc(path);

        Edit(content, Labels, "- **City:** London", "- **City:** Londen");
        File.SetLastWriteTimeUtc(path, time);

        var page = await WaitForAsync(client, "/labels/ninja-tune", html => html.Contains("Londen, United Kingdom", StringComparison.Ordinal));
        Assert.Contains("Londen, United Kingdom", page);
    }

    [Fact]
    public async Task BrokenEdit_KeepsServingTheLastGoodVersion()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        await using var factory = new DiscoveryFactory(content, watchContent: true);
        using var client = factory.CreateClient();
        await client.GetStringAsync("/", TestContext.Current.CancellationToken);

        Edit(content, Labels, "- **City:** London\n- **Founded:** 1990", "- **City:** Brixton\n- **Founded:** last year");
        File.WriteAllText(ArticlePath(content, "2021-04-new.md"), ArticleText.With("""
            ## Brand New Label

            - **Country:** Ireland
            - **Founded:** 2020
            """));

        // The new, valid file shows up; the broken one keeps its last good version.
        await WaitForAsync(client, "/labels/brand-new-label", _ => true);
        var ninja = await client.GetStringAsync("/labels/ninja-tune", TestContext.Current.CancellationToken);
        Assert.Contains("London, United Kingdom", ninja);
        Assert.DoesNotContain("Brixton", ninja);
    }

    [Fact]
    public async Task NewKindDeclaredByAnEditor_GetsItsIndexEntryPagesMenuAndCountryPages()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        File.AppendAllText(Path.Combine(content, "kinds.yml"), "\n" + KindsText.ManagersKind + "\n");
        File.WriteAllText(ArticlePath(content, "2021-05-managers.md"), """
            ---
            title: Twenty managers
            kind: managers
            published: 2021-05-01
            summary: The people behind the artists.
            ---

            ## Jane Doe Management

            - **Country:** Denmark
            - **Founded:** 2005
            - **Artists:** Powersolo

            Works with [Crunchy Frog](/labels/crunchy-frog) artists.
            """);
        await using var factory = new DiscoveryFactory(content);
        using var client = factory.CreateClient();

        var index = await Html.ParseAsync(await client.GetStringAsync("/managers", TestContext.Current.CancellationToken));
        var entry = await Html.ParseAsync(await client.GetStringAsync("/managers/jane-doe-management", TestContext.Current.CancellationToken));
        var denmark = await Html.ParseAsync(await client.GetStringAsync("/countries/denmark", TestContext.Current.CancellationToken));

        Assert.Equal(["Jane Doe Management"], index.Texts(".card-name"));
        Assert.Contains("Managers", index.Texts(".site-nav a"));
        Assert.Contains("Powersolo", entry.QuerySelector("dl.facts")!.TextContent);
        Assert.Contains("Jane Doe Management", denmark.Texts("#group-managers + .cards .card-name"));
    }

    [Fact]
    public async Task FormerSlugListedAsAlias_RedirectsPermanently()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        Edit(content, Labels, "## Ninja Tune\n\n", "## Ninja Tune Records\n\n- **Aliases:** ninja-tune\n");
        Edit(content, "2020-10-impala-milestones.md", "](/labels/ninja-tune)", "](/labels/ninja-tune-records)");
        await AssertPermanentRedirectAsync(content, "/labels/ninja-tune", "/labels/ninja-tune-records");
    }

    [Fact]
    public async Task RenamedArticleFileWithItsFormerAddressAsAlias_RedirectsPermanently()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        File.Move(ArticlePath(content, Labels), ArticlePath(content, "2021-03-iconic-labels.md"));
        Edit(content, "2021-03-iconic-labels.md", "kind: labels", "kind: labels\naliases: record-labels");
        await AssertPermanentRedirectAsync(content, "/series/record-labels", "/series/iconic-labels");
    }

    [Fact]
    public async Task TwoInstances_OnDifferentContent_ServeTheirOwnArticles()
    {
        var other = TempFolder.CopyOf(FrozenContent.Path);
        File.Delete(ArticlePath(other, Labels));
        File.Delete(ArticlePath(other, "2020-10-impala-milestones.md"));
        Edit(other, "2020-11-national-associations.md", "[Crunchy Frog](/labels/crunchy-frog)", "Crunchy Frog");
        await using var first = new DiscoveryFactory();
        await using var second = new DiscoveryFactory(other);
        using var firstClient = first.CreateClient();
        using var secondClient = second.CreateClient();

        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(firstClient, "/labels/ninja-tune"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync(secondClient, "/labels/ninja-tune"));
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(secondClient, "/venues/loppen"));
    }

    [Fact]
    public async Task DeletedDatabase_IsRebuiltFromContentAtStartUp()
    {
        var databaseFolder = TempFolder.Create("db");
        await using (var first = new DiscoveryFactory(databaseFolder: databaseFolder))
        {
            using var client = first.CreateClient();
            await client.GetStringAsync("/", TestContext.Current.CancellationToken);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(databaseFolder))
        {
            File.Delete(file);
        }

        await using var second = new DiscoveryFactory(databaseFolder: databaseFolder);
        using var secondClient = second.CreateClient();
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(secondClient, "/labels/ninja-tune"));
    }

    private static async Task<HttpStatusCode> StatusOfAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private static async Task AssertPermanentRedirectAsync(string content, string from, string to)
    {
        await using var factory = new DiscoveryFactory(content);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(from, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(to, response.Headers.Location!.OriginalString);
    }

    /// <summary>The watcher imports within about a second; poll for up to 15 s so a slow CI machine does not fail the test.</summary>
    private static async Task<string> WaitForAsync(HttpClient client, string path, Func<string, bool> ready)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            if (response.IsSuccessStatusCode && ready(html))
            {
                return html;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{path} did not change within 15 seconds");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
