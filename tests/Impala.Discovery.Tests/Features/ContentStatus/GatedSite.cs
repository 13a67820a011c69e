using System.Text.RegularExpressions;

namespace Impala.Discovery.Tests.Features.ContentStatus;

/// <summary>
/// The frozen fixture plus one draft article, served as in Production with the editors' token set: what the editors'
/// pages are gated on. Shared by tests that only send requests.
/// </summary>
public sealed partial class GatedSite : IAsyncLifetime
{
    public const string Token = "a-long-secret-for-the-editors";

    public const string DraftSlug = "draft-labels";

    private DiscoveryFactory? _factory;

    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        var labels = await File.ReadAllTextAsync(Path.Combine(content, "articles", "2021-03-record-labels.md"));
        var draft = Title().Replace(labels, "title: Draft Labels")
            .Replace("published: 2021-03-01", "published: 2021-05-01\ndraft: true", StringComparison.Ordinal)
            .Replace("## ", "## Draft ", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(content, "articles", $"2021-05-{DraftSlug}.md"), draft);
        _factory = new DiscoveryFactory(content, settings: new Dictionary<string, string> { ["Discovery:StatusToken"] = Token });
        Client = _factory.CreateClient(new() { AllowAutoRedirect = false });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    [GeneratedRegex("^title: .*$", RegexOptions.Multiline)]
    private static partial Regex Title();
}
