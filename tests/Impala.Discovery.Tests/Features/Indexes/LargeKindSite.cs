using System.Text;
using AngleSharp.Html.Dom;

namespace Impala.Discovery.Tests.Features.Indexes;

/// <summary>
/// The frozen content plus one more labels article of 45 made-up labels ("Paging Label 01" to "45"), so /labels has 65
/// entries and pages; one of them has markup-like text in its prose. Shared by the tests of this folder that need it.
/// </summary>
public sealed class LargeKindSite : IAsyncLifetime
{
    public const int ExtraLabels = 45;

    public const string MarkupWord = "Zyxbold";

    private DiscoveryFactory _factory = null!;

    public HttpClient Client { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        File.WriteAllText(Path.Combine(content, "articles", "2021-04-paging-labels.md"), Article());
        _factory = new DiscoveryFactory(content);
        Client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    public async Task<IHtmlDocument> GetPageAsync(string path, int expectedStatus = 200)
    {
        using var response = await Client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(expectedStatus, (int)response.StatusCode);
        return await Html.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static string Article()
    {
        var text = new StringBuilder("""
            ---
            title: Forty-five more labels
            kind: labels
            published: 2021-04-01
            summary: Made-up labels for the paging tests.
            ---

            Made-up labels.

            """);
        string[] countries = ["Denmark", "France", "Italy"];
        for (var number = 1; number <= ExtraLabels; number++)
        {
            text.AppendLine($"## Paging Label {number:00}").AppendLine()
                .AppendLine($"- **Country:** {countries[number % countries.Length]}")
                .AppendLine($"- **Founded:** {1950 + number}")
                .AppendLine("- **Genres:** Jazz").AppendLine()
                .AppendLine(number == 1 ? $"A label whose prose says <b>{MarkupWord}</b> & <script>alert(1)</script> in its text." : "A label made up for a test.")
                .AppendLine();
        }

        return text.ToString();
    }
}
