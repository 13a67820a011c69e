using Microsoft.EntityFrameworkCore;
namespace Impala.Discovery.Tests.Features.Search;

/// <summary>The index follows the content through imports: what an edit takes away is no longer found.</summary>
public sealed class SearchIndexTests
{
    [Fact]
    public async Task AnArtistTakenOffTheOnlyEntryThatNamedThem_IsNoLongerFound_WhileTheEntryStill_Is()
    {
        using var harness = new ImportHarness();
        await harness.ImportAsync();
        Assert.Contains("/artists/amon-tobin", await FindAsync(harness, "Amon Tobin"));

        harness.Edit("2021-03-record-labels.md", "- **Artists:** DJ Food, Mr. Scruff, Amon Tobin", "- **Artists:** DJ Food, Mr. Scruff");
        await harness.ImportAsync();

        var found = await FindAsync(harness, "Amon Tobin");
        Assert.DoesNotContain("/artists/amon-tobin", found);
        Assert.Contains("/artists/mr-scruff", await FindAsync(harness, "scruff"));
        Assert.Equal("/labels/ninja-tune", (await FindAsync(harness, "ninja tune"))[0]);
    }

    [Fact]
    public async Task ADeletedArticle_TakesItsEntriesAndTitleOutOfTheResults()
    {
        using var harness = new ImportHarness();
        await harness.ImportAsync();
        Assert.Contains("/series/music-venues", await FindAsync(harness, "music venues"));

        File.Delete(harness.ArticlePath("2021-02-music-venues.md"));
        await harness.ImportAsync();

        Assert.DoesNotContain("/venues/paradiso", await FindAsync(harness, "paradiso"));
        Assert.DoesNotContain("/venues/berghain", await FindAsync(harness, "berghain"));
        Assert.DoesNotContain("/series/music-venues", await FindAsync(harness, "music venues"));
        Assert.Equal("/labels/ninja-tune", (await FindAsync(harness, "ninja tune"))[0]);
    }

    [Fact]
    public async Task EditsOneAfterAnother_LeaveOneRowPerEntryArtistAndArticle_AndFindOnlyTheLastText()
    {
        using var harness = new ImportHarness();
        await harness.ImportAsync();
        var rows = await RowCountAsync(harness);

        var previous = "London";
        foreach (var city in new[] { "Londonderryshire", "Brightonshire", "London" })
        {
            harness.Edit("2021-03-record-labels.md", "- **City:** " + previous, "- **City:** " + city);
            previous = city;
            Assert.Equal(1, (await harness.ImportAsync()).ArticlesWritten);
        }

        Assert.Equal(rows, await RowCountAsync(harness));
        Assert.Empty(await FindAsync(harness, "londonderryshire"));
        Assert.Empty(await FindAsync(harness, "brightonshire"));
        Assert.Equal("/labels/ninja-tune", (await FindAsync(harness, "ninja tune"))[0]);
    }

    private static async Task<long> RowCountAsync(ImportHarness harness)
    {
        await using var db = harness.CreateDbContext();
        return await db.Database.SqlQueryRaw<long>("SELECT count(*) AS Value FROM SearchDocs").SingleAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<List<string>> FindAsync(ImportHarness harness, string query)
    {
        await using var db = harness.CreateDbContext();
        var outcome = await harness.Search(db).SearchAsync(query, 20, TestContext.Current.CancellationToken);
        return outcome.Results.Select(result => result.Path).ToList();
    }
}
