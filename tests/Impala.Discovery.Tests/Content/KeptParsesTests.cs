using Impala.Discovery.Web.Content;
using Microsoft.Extensions.Logging.Abstractions;

namespace Impala.Discovery.Tests.Content;

/// <summary>
/// Between imports the parser keeps what it parsed, so that an edit re-parses one file; what it keeps of a published
/// article is only what the checks across files read, not its HTML (tens of megabytes at 10,000 entries).
/// </summary>
public sealed class KeptParsesTests
{
    private static readonly KindsSource Kinds = new(File.ReadAllText(Path.Combine(FrozenContent.Path, ContentFolder.KindsFileName)), FrozenContent.Kinds);

    private static readonly ContentFile Published = new(ArticleText.FileName, ArticleText.With(ArticleText.NinjaTune));

    private static readonly ContentFile Draft = new("articles/2021-05-draft-labels.md", ArticleText.With(ArticleText.NinjaTune.Replace("Ninja Tune", "Draft Tune"))
        .Replace("published: 2021-04-01", "published: 2021-05-01\ndraft: true"));

    private readonly List<string> _parsed = [];

    private IsolatedArticleParser CountingParser() => new(NullLogger.Instance, (kinds, file) =>
    {
        lock (_parsed)
        {
            _parsed.Add(file.Path);
        }

        return new ArticleParser(kinds).Parse(file.Path, file.Text);
    });

    private static Dictionary<string, StoredArticle> StoreHolding(ParsedFile file) =>
        new() { [file.File] = new StoredArticle(file.File, file.Article!.Slug, file.Fingerprint, [], [], [], file.Article.Published, []) };

    /// <summary>
    /// Stores hold each article's fingerprint: however it is computed, it stays the SHA-256 of kinds.yml, a NUL and the
    /// article, or every store would write every article again (and instances of two versions on one store would fight).
    /// </summary>
    [Fact]
    public async Task Fingerprints_AreTheSha256OfKindsANulAndTheArticle()
    {
        var text = ArticleText.With(ArticleText.NinjaTune) + "\nØresund, Ελλάδα, Zürich and an emoji: 🎧\n";
        var file = new ContentFile(ArticleText.FileName, text);
        var expected = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Kinds.Text + "\0" + text)));

        var results = await CountingParser().ParseAllAsync([file], Kinds, new Dictionary<string, StoredArticle>(), TestContext.Current.CancellationToken);

        Assert.Equal(expected, results.Single().Fingerprint);
        Assert.Equal(expected, IsolatedArticleParser.Fingerprint(Kinds.Text, text));
    }

    [Fact]
    public async Task AfterAParse_PublishedArticlesAreKeptWithoutTheirHtml_DraftsWithIt()
    {
        var parser = CountingParser();

        var results = await parser.ParseAllAsync([Published, Draft], Kinds, new Dictionary<string, StoredArticle>(), TestContext.Current.CancellationToken);

        Assert.Contains("London label", results[0].Article!.Entries[0].BodyHtml);
        var kept = parser.LastParsed.ToDictionary(article => article.File);
        Assert.Equal("", kept[Published.Path].IntroHtml);
        Assert.All(kept[Published.Path].Entries, entry => Assert.Equal(("", ""), (entry.BodyHtml, entry.BodyText)));
        Assert.Equal("ninja-tune", kept[Published.Path].Entries[0].Slug);
        Assert.Contains("London label", kept[Draft.Path].Entries[0].BodyHtml);
    }

    [Fact]
    public async Task UnchangedPublishedArticle_IsNotParsedAgain_WhileTheStoreHoldsIt()
    {
        var parser = CountingParser();
        var first = await parser.ParseAllAsync([Published], Kinds, new Dictionary<string, StoredArticle>(), TestContext.Current.CancellationToken);

        await parser.ParseAllAsync([Published], Kinds, StoreHolding(first[0]), TestContext.Current.CancellationToken);

        Assert.Single(_parsed);
    }

    [Fact]
    public async Task UnchangedPublishedArticle_TheStoreDoesNotHold_IsParsedAgainWithItsHtml()
    {
        // As when it was refused for another file's mistake: once that is fixed, it is written, so it needs its HTML back.
        var parser = CountingParser();
        await parser.ParseAllAsync([Published], Kinds, new Dictionary<string, StoredArticle>(), TestContext.Current.CancellationToken);

        var again = await parser.ParseAllAsync([Published], Kinds, new Dictionary<string, StoredArticle>(), TestContext.Current.CancellationToken);

        Assert.Equal(2, _parsed.Count);
        Assert.Contains("London label", again[0].Article!.Entries[0].BodyHtml);
    }

    /// <summary>
    /// A file the folder did not read again keeps its fingerprint without being hashed again, but only while kinds.yml
    /// is the same: a changed catalogue changes every fingerprint, so every article is checked against it again.
    /// </summary>
    [Fact]
    public async Task UnchangedFile_IsParsedAgain_WhenKindsYmlChanges()
    {
        var parser = CountingParser();
        var first = await parser.ParseAllAsync([Published], Kinds, new Dictionary<string, StoredArticle>(), TestContext.Current.CancellationToken);
        var changedKinds = Kinds with { Text = Kinds.Text + "\n# a comment an editor added\n" };

        var again = await parser.ParseAllAsync([Published], changedKinds, StoreHolding(first[0]), TestContext.Current.CancellationToken);

        Assert.Equal(2, _parsed.Count);
        Assert.Equal(IsolatedArticleParser.Fingerprint(changedKinds.Text, Published.Text), again[0].Fingerprint);
        Assert.NotEqual(first[0].Fingerprint, again[0].Fingerprint);
    }
}
