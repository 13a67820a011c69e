using AngleSharp.Html.Dom;

namespace Impala.Discovery.Tests.Features.Indexes;

/// <summary>
/// One genre written three ways ("Hip hop" twice, "hip-hop" once) by three labels of three countries: the kind page
/// offers it as one chip, its link lists all three, and each label's page counts the others as the same genre.
/// </summary>
public sealed class GenreSpellingTests : IAsyncLifetime
{
    private DiscoveryFactory _factory = null!;
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        File.WriteAllText(Path.Combine(content, "articles", "2021-04-spelling-labels.md"), """
            ---
            title: Three spellings
            kind: labels
            published: 2021-04-01
            summary: Made-up labels for the genre tests.
            ---

            Made-up labels.

            ## Spelling Label Iceland

            - **Country:** Iceland
            - **Founded:** 1991
            - **Genres:** Hip hop

            A label made up for a test.

            ## Spelling Label Malta

            - **Country:** Malta
            - **Founded:** 1992
            - **Genres:** hip-hop

            A label made up for a test.

            ## Spelling Label Cyprus

            - **Country:** Cyprus
            - **Founded:** 1993
            - **Genres:** Hip hop

            A label made up for a test.

            """);
        _factory = new DiscoveryFactory(content);
        _client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task KindPage_OffersOneChipPerGenre_NamedAsMostWriteIt_CountingEverySpelling()
    {
        var page = await GetPageAsync("/labels");

        var chips = page.QuerySelectorAll(".chips a[href='/labels?genre=hip-hop']").ToList();
        var chip = Assert.Single(chips);
        Assert.StartsWith("Hip hop", chip.TextContent.Trim());
        Assert.Equal("3", chip.QuerySelector(".count")!.TextContent);
    }

    [Fact]
    public async Task GenreLink_ListsEveryEntryOfTheGenre_WhateverItsSpelling()
    {
        var page = await GetPageAsync("/labels?genre=hip-hop");

        Assert.Equal(["Spelling Label Cyprus", "Spelling Label Iceland", "Spelling Label Malta"], page.Texts(".card-name"));
    }

    [Fact]
    public async Task EntryPage_RelatesTheEntriesOfTheSameGenre_WhateverTheirSpelling()
    {
        var page = await GetPageAsync("/labels/spelling-label-malta");

        var genre = page.QuerySelectorAll("section[aria-labelledby^=related]").Single(section => section.QuerySelector("h2")!.TextContent.StartsWith("Also hip", StringComparison.Ordinal));
        Assert.Equal(["Spelling Label Cyprus", "Spelling Label Iceland"], genre.QuerySelectorAll(".card-name").Select(name => name.TextContent.Trim()).ToList());
    }

    private async Task<IHtmlDocument> GetPageAsync(string path)
    {
        using var response = await _client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(200, (int)response.StatusCode);
        return await Html.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
