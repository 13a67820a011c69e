using Impala.Discovery.Web.Data;

namespace Impala.Discovery.Tests.Features.Search;

/// <summary>
/// A live store and a new one built from the same content search alike: the spelling list a typo is corrected from
/// holds the words of what is served, not of what an edit took away (found by sweep 4: after an artist was added and
/// removed again, a search for "brand" found three labels on the live site and none on a new instance).
/// </summary>
public sealed class SpellingAgreementTests
{
    private const string Labels = "2021-03-record-labels.md";

    [Fact]
    public async Task AWordAddedAndTakenAwayAgain_LeavesTheSpellingListAsANewStoreHasIt()
    {
        using var live = new ImportHarness();
        await live.ImportAsync();
        var before = await SpellingAsync(live);
        live.Edit(Labels, "Mr. Scruff, Amon Tobin", "Mr. Scruff, Amon Tobin, Brandnew Skyscraper");
        await live.ImportAsync();
        Assert.Contains("skyscraper", await SpellingAsync(live));

        live.Edit(Labels, "Mr. Scruff, Amon Tobin, Brandnew Skyscraper", "Mr. Scruff, Amon Tobin");
        await live.ImportAsync();
        using var fresh = new ImportHarness(live.ContentPath);
        await fresh.ImportAsync();

        var after = await SpellingAsync(live);
        Assert.DoesNotContain("skyscraper", after);
        Assert.Equal(await SpellingAsync(fresh), after);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task AWordTwoRowsHold_StaysWhileOneOfThemDoes()
    {
        using var live = new ImportHarness();
        await live.ImportAsync();
        live.Edit(Labels, "Mr. Scruff, Amon Tobin", "Mr. Scruff, Amon Tobin, Brandnew Skyscraper");
        live.Edit(Labels, "- **City:** London", "- **City:** Skyscraper");
        await live.ImportAsync();

        live.Edit(Labels, "Mr. Scruff, Amon Tobin, Brandnew Skyscraper", "Mr. Scruff, Amon Tobin");
        await live.ImportAsync();

        Assert.Contains("skyscraper", await SpellingAsync(live));
        Assert.DoesNotContain("brandnew", await SpellingAsync(live));
    }

    private static async Task<List<string>> SpellingAsync(ImportHarness harness)
    {
        await using var db = harness.CreateDbContext();
        return [.. (await SearchIndex.SpellingWordsAsync(db, TestContext.Current.CancellationToken)).Order(StringComparer.Ordinal)];
    }
}
