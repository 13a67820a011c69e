using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests.Content.Addresses;

/// <summary>
/// Found by a sweep: an article whose 'aliases' named its own address was accepted, and once it was deleted every
/// import failed for good ("FormerAddress cannot be tracked … same key"), so no later edit reached the site.
/// </summary>
public sealed class OwnAddressAsAliasTests
{
    private const string Newcomer = "2020-01-newcomer.md";

    [Fact]
    public async Task AnArticleNamingItsOwnAddressInAliases_IsRefused_AndLaterEditsAreStillImported()
    {
        using var harness = new ImportHarness();
        await harness.ImportAsync();
        harness.WriteArticle(Newcomer, ArticleText.With(ArticleText.NinjaTune.Replace("Ninja Tune", "Newcomer Tune", StringComparison.Ordinal))
            .Replace("kind: labels", "kind: labels\naliases: newcomer", StringComparison.Ordinal));

        var refused = await harness.ImportAsync();
        File.Delete(harness.ArticlePath(Newcomer));
        await harness.ImportAsync();
        harness.Edit("2021-03-record-labels.md", "- **City:** London", "- **City:** Greater London");
        var edited = await harness.ImportAsync();

        var error = Assert.Single(refused.Errors, error => error.File == "articles/" + Newcomer);
        Assert.Contains("this article's own address", error.Message);
        Assert.Equal(1, edited.ArticlesWritten);
        Assert.StartsWith("Greater London, ", (await harness.FindEntryAsync("labels", "ninja-tune"))!.Caption);
    }

    [Fact]
    public void AStoredArticleHoldingOneAddressTwice_LeavesWithOneChangePerAddress()
    {
        // As a store written before the rule above holds such an article.
        var stored = new StoredArticle("articles/" + Newcomer, "newcomer", "hash", [new StoredEntry("labels", "newcomer-tune", 1, [])], [], ["newcomer"], new DateOnly(2021, 4, 1), []);

        var changes = AddressChanges.Find(new Dictionary<string, StoredArticle> { [stored.File] = stored }, [stored.File], [], new HashSet<string>());

        Assert.Equal(["/labels/newcomer-tune", "/series/newcomer"], changes.Select(change => change.Path));
    }
}
