using System.Net;
using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Addresses;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Impala.Discovery.Tests.Features.Addresses;

/// <summary>
/// Addresses live in the content (issue 15): an instance that lived through a history of renames, file renames,
/// deletions and re-additions, each made the way <c>check --base</c> accepts, and an instance built on a new store
/// from the last commit, answer every address ever published with the same status and Location, and none with 404.
/// </summary>
public sealed class TwoInstancesTests
{
    private const string Labels = "articles/2021-03-record-labels.md";
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public async Task LivedAndNewInstance_AnswerEveryAddressEverPublishedAlike()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        await using var lived = new DiscoveryFactory(content);
        using var livedClient = lived.CreateClient(new() { AllowAutoRedirect = false });
        var everPublished = new HashSet<string>(StringComparer.Ordinal);
        var published = await EvaluateAsync(content);
        everPublished.UnionWith(PublishedAddresses.Of(published).Keys);

        // Each step is an editor's commit: the change, then whatever check --base asks for (an alias by hand for a
        // rename, the removal records check --fix writes for a deletion), then the live site imports it.
        async Task StepAsync(Action change)
        {
            change();
            var working = await EvaluateAsync(content);
            AddressFixWriter.Apply(content, AddressCheck.Compare(published, working).Where(problem => problem.Fix.Kind == AddressFixKind.Removal).Select(problem => problem.Fix));
            working = await EvaluateAsync(content);
            Assert.Empty(working.Errors);
            Assert.Empty(AddressCheck.Compare(published, working));
            var report = await lived.Services.GetRequiredService<ContentImporter>().ImportAsync(TestContext.Current.CancellationToken);
            Assert.Empty(report.Errors);
            published = working;
            everPublished.UnionWith(PublishedAddresses.Of(published).Keys);
        }

        await StepAsync(() => Edit(content, Labels, "## Ninja Tune\n\n", "## Ninja Tune Records\n\n- **Aliases:** ninja-tune\n"));
        await StepAsync(() => Edit(content, Labels, "## Ninja Tune Records\n\n- **Aliases:** ninja-tune\n", "## Ninja Tune Ltd\n\n- **Aliases:** ninja-tune, ninja-tune-records\n"));
        await StepAsync(() =>
        {
            File.Move(Path.Combine(content, "articles", "2021-02-music-venues.md"), Path.Combine(content, "articles", "2021-02-venues-of-europe.md"));
            Edit(content, "articles/2021-02-venues-of-europe.md", "kind: venues\n", "kind: venues\naliases: [music-venues]\n");
        });
        var cobalt = CobaltSection(content);
        await StepAsync(() => Edit(content, Labels, cobalt, ""));
        await StepAsync(() => Edit(content, Labels, "- **Artists:** DJ Food, Mr. Scruff, Amon Tobin", "- **Artists:** DJ Food, Mr. Scruff"));
        await StepAsync(() =>
        {
            // Cobalt Music comes back: its record goes (check warns while it stays), its page answers again.
            Edit(content, Labels, "## Crunchy Frog\n", cobalt + "## Crunchy Frog\n");
            var records = Path.Combine(content, RemovalRecords.FileName);
            File.WriteAllText(records, File.ReadAllText(records).Replace(RemovalRecords.RecordLines("/labels/cobalt-music", RemovalRecords.DefaultReason), "", StringComparison.Ordinal));
        });

        var fresh = TempFolder.CopyOf(content);
        await using var newInstance = new DiscoveryFactory(fresh);
        using var newClient = newInstance.CreateClient(new() { AllowAutoRedirect = false });

        var answers = new List<string>();
        foreach (var path in everPublished.Order(StringComparer.Ordinal))
        {
            var (livedStatus, livedLocation) = await AnswerAsync(livedClient, path);
            var (newStatus, newLocation) = await AnswerAsync(newClient, path);
            Assert.True((livedStatus, livedLocation) == (newStatus, newLocation),
                $"{path}: {(int)livedStatus} {livedLocation} on the instance that lived, {(int)newStatus} {newLocation} on the new one");
            Assert.NotEqual(HttpStatusCode.NotFound, newStatus);
            answers.Add($"{(int)newStatus}");
        }

        // The history did exercise every kind of answer.
        Assert.Contains("200", answers);
        Assert.Contains("301", answers);
        Assert.Contains("410", answers);
        var (cobaltStatus, _) = await AnswerAsync(newClient, "/labels/cobalt-music");
        Assert.Equal(HttpStatusCode.OK, cobaltStatus);
        var (artistStatus, _) = await AnswerAsync(newClient, "/artists/amon-tobin");
        Assert.Equal(HttpStatusCode.Gone, artistStatus);
    }

    private static async Task<(HttpStatusCode Status, string? Location)> AnswerAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        return (response.StatusCode, response.Headers.Location?.OriginalString);
    }

    private static Task<ContentEvaluation> EvaluateAsync(string folder) =>
        new ContentEvaluator(new ContentFolder(folder), new IsolatedArticleParser(NullLogger.Instance))
            .EvaluateAsync(PreviousContent.None, Today, TestContext.Current.CancellationToken);

    private static string CobaltSection(string content)
    {
        var text = File.ReadAllText(Path.Combine(content, Labels));
        var start = text.IndexOf("## Cobalt Music\n", StringComparison.Ordinal);
        return text[start..text.IndexOf("## Crunchy Frog\n", StringComparison.Ordinal)];
    }

    private static void Edit(string content, string file, string find, string replace)
    {
        var path = Path.Combine(content, file);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
    }
}
