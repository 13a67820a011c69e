using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Features.Search;

namespace Impala.Discovery.Tests.Features.Search;

/// <summary>content/places.yml is the editors' to extend: a new name works at the next search, a mistake is named and harms nothing.</summary>
public sealed class PlaceNamesTests : IDisposable
{
    private readonly ImportHarness _harness = new();
    private readonly RecordingLogger<PlaceNames> _logger = new();
    private readonly PlaceNames _places;

    public PlaceNamesTests() => _places = new PlaceNames(new ContentFolder(_harness.ContentPath), _logger);

    private string PlacesFile => Path.Combine(_harness.ContentPath, PlaceNames.FileName);

    [Fact]
    public async Task ANameAddedToThePlacesFile_FindsThePlaceAtTheNextSearch_WithoutAnImport()
    {
        await _harness.ImportAsync();
        Assert.DoesNotContain("/venues/loppen", await FindAsync("Kbh"));

        Write(File.ReadAllText(PlacesFile).Replace("Copenhagen: [København, Kopenhagen]", "Copenhagen: [København, Kopenhagen, Kbh]", StringComparison.Ordinal));

        Assert.Contains("/venues/loppen", await FindAsync("Kbh"));
        Assert.Empty(_logger.Problems);
    }

    [Fact]
    public async Task ASameSizeEditWhoseToolRestoredTheFileTime_IsSearchedAfterTheImportItStarts()
    {
        // Found by sweep 4: cp -p, tar and touch -r give the file back its old time; only the watcher hears the change.
        var content = TempFolder.CopyOf(FrozenContent.Path);
        var places = Path.Combine(content, PlaceNames.FileName);
        await using var factory = new DiscoveryFactory(content, watchContent: true);
        using var client = factory.CreateClient();
        Assert.DoesNotContain("/venues/loppen", await client.GetStringAsync("/api/v1/search?q=Kbhkbhkbhk", TestContext.Current.CancellationToken));
        var time = File.GetLastWriteTimeUtc(places);

        File.WriteAllText(places, File.ReadAllText(places).Replace("Kopenhagen]", "Kbhkbhkbhk]", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(places, time);

        await Eventually.WaitForAsync(() => client.GetStringAsync("/api/v1/search?q=Kbhkbhkbhk", TestContext.Current.CancellationToken),
            json => json.Contains("/venues/loppen", StringComparison.Ordinal), "the new name found");
    }

    [Fact]
    public async Task AMistakeInThePlacesFile_IsLoggedWithItsLine_AndTheNamesReadBeforeStillWork()
    {
        await _harness.ImportAsync();
        Assert.Contains("/venues/loppen", await FindAsync("København"));

        Write(File.ReadAllText(PlacesFile).Replace("Copenhagen: [København, Kopenhagen]", "Copenhagen: [København, Kopenhagen", StringComparison.Ordinal));

        Assert.Contains("/venues/loppen", await FindAsync("København"));
        Assert.Contains(_logger.Problems, problem => problem.Contains("places.yml:", StringComparison.Ordinal) && problem.Contains("never closed", StringComparison.Ordinal));
    }

    /// <summary>
    /// A pipe under the file's name (found by sweep 6) hung every search, which waits on this reading, and every
    /// import and check: it is refused as any content file that is no regular file is, and the names read before stay.
    /// </summary>
    [Fact(Timeout = 120_000)]
    public async Task APipeNamedLikeThePlacesFile_IsRefused_AndSearchesAndImportsGoOn()
    {
        await _harness.ImportAsync();
        Assert.Contains("/venues/loppen", await FindAsync("København"));

        File.Delete(PlacesFile);
        Shell.Run("mkfifo", PlacesFile);
        _places.ReadAgain();
        var found = await FindAsync("København");
        var report = await _harness.Importer.ImportAsync(TestContext.Current.CancellationToken);

        Assert.Contains("/venues/loppen", found);
        Assert.Contains(report.Errors, error => error.File == PlaceNames.FileName && error.Message.Contains("not a regular file", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACountryTheSiteDoesNotKnow_IsNamedWithTheNearestKnownOne()
    {
        await _harness.ImportAsync();
        Write("countries:\n  Nederlands: [Holland]\n");

        await FindAsync("Holland");

        var problem = Assert.Single(_logger.Problems);
        Assert.Contains("places.yml:2:3:", problem);
        Assert.Contains("Did you mean 'Netherlands'?", problem);
    }

    [Fact]
    public async Task ANameGivenToTwoPlaces_IsAnImportErrorOnItsLine_AndTheSearchKeepsTheNamesReadBefore()
    {
        await _harness.ImportAsync();
        Assert.Contains("/venues/paradiso", await FindAsync("Holland"));

        Write("countries:\n  Netherlands: [Holland]\ncities:\n  Amsterdam: [Mokum, Holland]\n");
        var report = await _harness.ImportAsync();

        var error = Assert.Single(report.Errors, error => error.File == PlaceNames.FileName);
        Assert.Equal((4, 22), (error.Line, error.Column));
        Assert.Contains("'Holland' already names the country Netherlands (line 2)", error.Message);
        Assert.Contains("Keep it on one of the two lines", error.Message);
        Assert.Equal(80, report.Entries);
        Assert.Contains("/venues/paradiso", await FindAsync("Holland"));
    }

    [Fact]
    public void TheSitesOwnPlacesFile_HasNoMistake()
    {
        var read = PlaceNames.Read(LiveContent.Path);

        Assert.Empty(read.Errors);
        Assert.Contains(read.Value!, group => group.Names.Contains("København"));
    }

    public void Dispose() => _harness.Dispose();

    private void Write(string text)
    {
        File.WriteAllText(PlacesFile, text);
        // A second's change of time, whatever the file system's clock resolution: the file is read again when it changes.
        File.SetLastWriteTimeUtc(PlacesFile, DateTime.UtcNow.AddSeconds(1));
    }

    private async Task<List<string>> FindAsync(string query)
    {
        await using var db = _harness.CreateDbContext();
        var outcome = await new SiteSearch(db, _places, new SearchCatalogCache()).SearchAsync(query, 10, TestContext.Current.CancellationToken);
        return outcome.Results.Select(result => result.Path).ToList();
    }
}
