using Impala.Discovery.Tests.Content.Addresses;

namespace Impala.Discovery.Tests.Fuzzing;

/// <summary>
/// What replay 11's runs of the instance agreement fuzzer found (<see cref="InstanceAgreementTests"/>), each as the
/// fewest commits that make a running store and a new store built from the same commit serve different things. The
/// running store imported every commit, as a site does: it is the reference.
/// </summary>
public sealed class Replay11FindingsTests
{
    private const string Labels = "2021-03-record-labels.md";
    private const string Milestones = "2020-10-impala-milestones.md";
    private static readonly DateTimeOffset Published = new(2021, 3, 1, 9, 0, 0, TimeSpan.Zero);

    // F6 (replay 10, open): the milestones link to /labels/ninja-tune. Ninja Tune renamed with its old name in an Aliases
    // line (the link still leads to it), the milestones refused (their last good version, which has the link, stays
    // online), then the renamed entry deleted with its new address recorded. A running store took the deletion, as no
    // article it checked linked there; a new store built from the same commit served the deleted entry, its redirect
    // from /labels/ninja-tune and its artists. Then the milestones mended (their link now leads nowhere on the running
    // store). Both must serve the same.
    [Fact]
    public async Task AnEntryARefusedArticleLinksToThroughItsAliasesLine_Deleted_IsServedAlikeOnANewStoreAsOnALiveOne()
    {
        using var stores = await LiveAndNewStore.AfterAsync(Published,
            repository => Edit(repository, Labels, "## Ninja Tune\n\n", "## Ninja Tune Renamed\n\n- **Aliases:** ninja-tune\n"),
            repository => Edit(repository, Milestones, "\ntitle: ", "\ntitle: [unclosed "),
            repository =>
            {
                var labels = Path.Combine(repository.Content, "articles", Labels);
                var text = File.ReadAllText(labels);
                var start = text.IndexOf("## Ninja Tune Renamed\n", StringComparison.Ordinal);
                var end = text.IndexOf("\n## ", start + 3, StringComparison.Ordinal) + 1;
                File.WriteAllText(labels, text[..start] + text[end..]);
                File.WriteAllText(Path.Combine(repository.Content, "removed.yml"),
                    "removed:\n  - path: /labels/ninja-tune-renamed\n    reason: The label closed.\n");
            },
            repository => Edit(repository, Milestones, "\ntitle: [unclosed ", "\ntitle: "));

        await AssertServedAlikeAsync(stores);
    }

    /// <summary>Both stores import what they have, then serve the same, address by address, as the fuzzer compares them.</summary>
    private static async Task AssertServedAlikeAsync(LiveAndNewStore stores)
    {
        foreach (var (harness, _) in stores.Both)
        {
            // As the fuzzer does: the imports that follow at once while the history is still being searched.
            var report = await harness.ImportAsync();
            for (var more = 0; more < 20 && report.NotLookedUpInHistory > 0; more++)
            {
                report = await harness.ImportAsync();
            }
        }

        var differences = ServedSnapshot.Differences(await ServedSnapshot.ReadAsync(stores.Live), "the live store",
            await ServedSnapshot.ReadAsync(stores.Fresh), "a new store");
        Assert.True(differences.Count == 0, $"{differences.Count} addresses served differently:\n{string.Join("\n", differences)}");
    }

    private static void Edit(TestRepository repository, string file, string find, string replace)
    {
        var path = Path.Combine(repository.Content, "articles", file);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
    }
}
