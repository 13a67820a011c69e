using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Impala.Discovery.Tests.Features;

/// <summary>
/// Members link to their page for years: an editor renaming or deleting an entry or an article must never leave a
/// link that silently rots. A rename redirects, a deletion answers 410 Gone, and a link elsewhere keeps working.
/// </summary>
public sealed partial class AddressHistoryTests : IAsyncLifetime
{
    private const string Labels = "2021-03-record-labels.md";
    private readonly string _content = TempFolder.CopyOf(FrozenContent.Path);
    private DiscoveryFactory _factory = null!;
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _factory = new DiscoveryFactory(_content);
        _client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task EntryRenamedWithoutAnAlias_OldAddressRedirectsHereAndTheEditorIsToldToRecordIt()
    {
        Edit(Labels, "## Cobalt Music\n", "## Cobalt Music Group\n");

        var report = await ImportAsync();

        await AssertRedirectsAsync("/labels/cobalt-music", "/labels/cobalt-music-group");
        var notice = Assert.Single(report.Warnings);
        var headingLine = File.ReadAllLines(Path.Combine(_content, "articles", Labels)).ToList().IndexOf("## Cobalt Music Group") + 1;
        Assert.Equal(("articles/" + Labels, headingLine), (notice.File, notice.Line));
        Assert.Contains("Renamed: /labels/cobalt-music → /labels/cobalt-music-group; the old address redirects on this site only for now. "
            + "Add '- **Aliases:** cobalt-music'", notice.Message);
        Assert.Empty(report.Errors);
        Assert.Contains(report.Unrecorded, address => address.Path == "/labels/cobalt-music" && address.LineToAdd.EndsWith("- **Aliases:** cobalt-music", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LinkedEntryRenamedWithoutAnAlias_IsRefusedOnItsOwnFileAndTheLinkingArticleIsUntouched()
    {
        Edit(Labels, "## Ninja Tune\n", "## Ninja Tune Records\n");

        var report = await ImportAsync();

        var error = Assert.Single(report.Errors);
        Assert.Equal("articles/" + Labels, error.File);
        Assert.Contains("articles/2020-10-impala-milestones.md:", error.Message);
        Assert.Contains("add '- **Aliases:** ninja-tune'", error.Message);
        // The last good version stays online, and the milestones article that links to it is not refused.
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync("/labels/ninja-tune"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync("/labels/ninja-tune-records"));
        Assert.Equal(FileState.Published, report.Files.Single(file => file.File == "articles/2020-10-impala-milestones.md").State);
    }

    [Fact]
    public async Task LinkedEntryRenamedWithAnAlias_RedirectsAndTheLinkingArticleKeepsItsLink()
    {
        Edit(Labels, "## Ninja Tune\n", "## Ninja Tune Records\n\n- **Aliases:** ninja-tune");

        var report = await ImportAsync();

        Assert.Empty(report.Errors);
        Assert.Empty(report.Warnings);
        await AssertRedirectsAsync("/labels/ninja-tune", "/labels/ninja-tune-records");
        var milestone = await _client.GetStringAsync("/series/impala-milestones", TestContext.Current.CancellationToken);
        Assert.Contains("href=\"/labels/ninja-tune\"", milestone);
    }

    [Fact]
    public async Task EntryRenamedTwice_OldestAddressRedirectsInOneHop()
    {
        Edit(Labels, "## Cobalt Music\n", "## Cobalt Music Records\n");
        await ImportAsync();
        Edit(Labels, "## Cobalt Music Records\n", "## Cobalt Music Ltd\n");

        await ImportAsync();

        await AssertRedirectsAsync("/labels/cobalt-music", "/labels/cobalt-music-ltd");
        await AssertRedirectsAsync("/labels/cobalt-music-records", "/labels/cobalt-music-ltd");
    }

    [Fact]
    public async Task EntryRenamedBack_AnswersAtItsOldAddressAgain()
    {
        Edit(Labels, "## Cobalt Music\n", "## Cobalt Music Records\n");
        await ImportAsync();
        Edit(Labels, "## Cobalt Music Records\n", "## Cobalt Music\n");

        await ImportAsync();

        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync("/labels/cobalt-music"));
        await AssertRedirectsAsync("/labels/cobalt-music-records", "/labels/cobalt-music");

        // A new instance built from this content remembers nothing of /labels/cobalt-music; this one must agree, or a
        // later change would send its visitors somewhere a new instance does not.
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<DiscoveryDbContext>>()
            .CreateDbContextAsync(TestContext.Current.CancellationToken);
        var remembered = await ContentStore.ReadFormerAddressesAsync(db, TestContext.Current.CancellationToken);
        Assert.DoesNotContain("/labels/cobalt-music", remembered.Keys);
    }

    [Fact]
    public async Task EntryDeleted_AnswersGoneWithAFriendlyPage()
    {
        DeleteCobaltMusic();

        await ImportAsync();

        using var response = await _client.GetAsync("/labels/cobalt-music", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("This page was removed", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync("/labels/never-was-here"));
    }

    // An editor's save that ended a while ago: a file that changed this very moment and only loses entries may still be
    // uploading, and keeps its last version for two seconds (UploadInPiecesTests).
    private void DeleteCobaltMusic()
    {
        var path = Path.Combine(_content, "articles", Labels);
        File.WriteAllText(path, CobaltMusicSection().Replace(File.ReadAllText(path), "", 1));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task ArticleFileDeleted_ItAndItsEntriesAreGoneUntilItComesBack()
    {
        var venues = Path.Combine(_content, "articles", "2021-02-music-venues.md");
        var text = File.ReadAllText(venues);
        File.Delete(venues);

        await ImportAsync();

        Assert.Equal(HttpStatusCode.Gone, await StatusOfAsync("/series/music-venues"));
        Assert.Equal(HttpStatusCode.Gone, await StatusOfAsync("/venues/rockefeller"));

        File.WriteAllText(venues, text);
        await ImportAsync();

        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync("/series/music-venues"));
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync("/venues/rockefeller"));
    }

    [Fact]
    public async Task AddressOfADeletedEntryClaimedByAnAliasElsewhere_RedirectsThere()
    {
        DeleteCobaltMusic();
        await ImportAsync();
        Edit(Labels, "- **Country:** United Kingdom\n- **City:** London", "- **Country:** United Kingdom\n- **Aliases:** cobalt-music\n- **City:** London");

        await ImportAsync();

        await AssertRedirectsAsync("/labels/cobalt-music", "/labels/ninja-tune");
    }

    [Fact]
    public async Task EntryRenamedWithoutAnAlias_ItsApiAddressRedirectsToTheNewApiAddress()
    {
        Edit(Labels, "## Cobalt Music\n", "## Cobalt Music Records\n");

        await ImportAsync();

        await AssertRedirectsAsync(SitePaths.ApiEntry("labels", "cobalt-music"), SitePaths.ApiEntry("labels", "cobalt-music-records"));
        var renamed = JsonDocument.Parse(await _client.GetStringAsync(SitePaths.ApiEntry("labels", "cobalt-music-records"), TestContext.Current.CancellationToken));
        Assert.Equal("Cobalt Music Records", renamed.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task EntryDeleted_ItsApiAddressAnswersGoneAsAProblem()
    {
        DeleteCobaltMusic();

        await ImportAsync();

        await AssertApiGoneAsync(SitePaths.ApiEntry("labels", "cobalt-music"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync(SitePaths.ApiEntry("labels", "never-was-here")));
    }

    [Fact]
    public async Task ArticleFileDeleted_ItsApiAddressAndItsEntriesAnswerGone()
    {
        File.Delete(Path.Combine(_content, "articles", "2021-02-music-venues.md"));

        await ImportAsync();

        await AssertApiGoneAsync(SitePaths.ApiArticle("music-venues"));
        await AssertApiGoneAsync(SitePaths.ApiEntry("venues", "rockefeller"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync(SitePaths.ApiArticle("never-was-here")));
    }

    [Fact]
    public async Task ArticleFileRenamedWithoutAnAlias_ItsApiAddressRedirectsToTheNewApiAddress()
    {
        File.Move(Path.Combine(_content, "articles", "2021-02-music-venues.md"), Path.Combine(_content, "articles", "2021-02-venues-of-europe.md"));

        await ImportAsync();

        await AssertRedirectsAsync(SitePaths.Article("music-venues"), SitePaths.Article("venues-of-europe"));
        await AssertRedirectsAsync(SitePaths.ApiArticle("music-venues"), SitePaths.ApiArticle("venues-of-europe"));
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(SitePaths.ApiArticle("venues-of-europe")));
    }

    /// <summary>
    /// A kind renamed, its key in kinds.yml and in its article (found by replay 4): each entry's old address answered
    /// 410 Gone, though the entry was still there under the new kind.
    /// </summary>
    [Fact]
    public async Task KindRenamed_ItsEntriesOldAddressesRedirectToTheirNewOnes()
    {
        var kinds = Path.Combine(_content, "kinds.yml");
        File.WriteAllText(kinds, File.ReadAllText(kinds).Replace("  - key: venues\n", "  - key: stages\n", StringComparison.Ordinal));
        Edit("2021-02-music-venues.md", "kind: venues\n", "kind: stages\n");

        var report = await ImportAsync();

        Assert.Empty(report.Errors);
        Assert.Contains(report.Warnings, warning => warning.Message.StartsWith("Moved with its kind: /venues/rockefeller → /stages/rockefeller;", StringComparison.Ordinal));
        await AssertRedirectsAsync("/venues/rockefeller", "/stages/rockefeller");
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync("/stages/rockefeller"));
    }

    private async Task AssertApiGoneAsync(string path)
    {
        using var response = await _client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal((410, "Gone", path), (problem.GetProperty("status").GetInt32(), problem.GetProperty("title").GetString(), problem.GetProperty("instance").GetString()));
        Assert.Contains("taken out of the discovery series for good", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<ImportReport> ImportAsync() =>
        await _factory.Services.GetRequiredService<ContentImporter>().ImportAsync(TestContext.Current.CancellationToken);

    private void Edit(string file, string find, string replace)
    {
        var path = Path.Combine(_content, "articles", file);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
    }

    private async Task<HttpStatusCode> StatusOfAsync(string path)
    {
        using var response = await _client.GetAsync(path, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private async Task AssertRedirectsAsync(string from, string to)
    {
        using var response = await _client.GetAsync(from, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(to, response.Headers.Location?.OriginalString);
    }

    [GeneratedRegex(@"## Cobalt Music\n.*?(?=\n## )", RegexOptions.Singleline)]
    private static partial Regex CobaltMusicSection();
}
