namespace Impala.Discovery.Tests.Features.Indexes;

/// <summary>
/// A filter chip promises a number of entries: following it must show exactly that many, on every kind index of the
/// frozen fixture, unfiltered and under each single filter its chips offer; no chip may lead to an empty page.
/// </summary>
public sealed class FilterChipTests(SiteFixture site)
{
    [Fact]
    public async Task EveryChip_OnEveryKindIndex_UnfilteredAndUnderEachSingleFilter_ShowsAsManyEntriesAsItSays()
    {
        var reader = new KindIndexReader(site.Client);
        var checkedChips = 0;
        var wrong = new List<string>();
        foreach (var kind in FrozenContent.Kinds.Kinds.Select(kind => kind.Key))
        {
            var index = await reader.GetAsync("/" + kind);
            var chipsOfIndex = KindIndexReader.Chips(index);
            Assert.All(chipsOfIndex, chip => Assert.NotNull(chip.Href));
            // The index itself, then each page its chips lead to: every single filter the kind offers.
            var pages = chipsOfIndex.Select(chip => chip.Href!).Prepend("/" + kind).ToList();
            foreach (var path in pages)
            {
                var page = path == "/" + kind ? index : await reader.GetAsync(path);
                foreach (var chip in KindIndexReader.Chips(page))
                {
                    checkedChips++;
                    if (chip.Href is null)
                    {
                        // Only a chosen value that nothing matches is said without a link.
                        if (chip.Count != 0)
                        {
                            wrong.Add($"on {path}, \"{chip.Label}\" says {chip.Count} but is no link");
                        }

                        continue;
                    }

                    var shown = (await reader.EntriesAsync(chip.Href)).Count;
                    if (shown != chip.Count || shown == 0)
                    {
                        wrong.Add($"on {path}, \"{chip.Label}\" says {chip.Count} and {chip.Href} shows {shown}");
                    }
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{checkedChips} chips checked, {wrong.Count} wrong");
        Assert.True(checkedChips > 300, $"only {checkedChips} chips were found");
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {checkedChips} chips are wrong:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task UnderACountry_DecadeChipsCountThatCountrysEntries_AndDecadesWithoutAnyAreLeftOut()
    {
        var page = await site.GetPageAsync("/labels?country=austria");

        var decades = page.QuerySelectorAll(".chips a[href*='decade=']").Select(chip => chip.TextContent.Trim()).ToList();
        Assert.Equal(["1950s 1"], decades);
        Assert.Equal("/labels?country=austria&decade=1950s", page.QuerySelector(".chips a[href*='decade=']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task AnAddressThatNothingMatches_SaysItsChoicesAsTextNotAsLinksToItself()
    {
        var page = await site.GetPageAsync("/labels?country=denmark&decade=1970s");

        Assert.Contains("No labels match this filter", page.QuerySelector(".empty")!.TextContent);
        Assert.Equal(["Denmark 0", "1970s 0"], page.Texts(".chips span[aria-current=true]"));
        Assert.Empty(page.QuerySelectorAll(".chips a[aria-current=true] .count"));
        Assert.Equal("/labels?decade=1970s", page.QuerySelectorAll(".chips a").First(link => link.TextContent.Trim() == "All").GetAttribute("href"));
    }
}
