using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Pictures;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Tests.Content.Pictures;

/// <summary>
/// Pictures through the real importer and a real SQLite store: a bad picture refuses its article at the line that
/// names it and keeps the last good version online; a replaced picture gets a new address. The import encodes nothing:
/// it records where each picture's renditions are made from when first asked for (Features/Pictures).
/// </summary>
public sealed class PictureImportTests : IDisposable
{
    private const string Venues = "2021-02-music-venues.md";
    private const string Labels = "2021-03-record-labels.md";
    private const string A38Line = "- **Image:** images/a38.jpg";

    private readonly ImportHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task AFreshImport_RecordsWhereEachPictureIs_Once()
    {
        var report = await _harness.ImportAsync();

        Assert.Empty(report.Errors);
        await using var db = _harness.CreateDbContext();
        var pictures = await db.Pictures.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        // Four places show a picture (A38, Cobalt Music, the venues article and the venues kind), from three files.
        Assert.Equal(4, pictures.Count);
        var sources = await db.PictureSources.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(pictures.Select(p => p.Hash).Distinct().Order(StringComparer.Ordinal), sources.Select(s => s.Hash).Order(StringComparer.Ordinal));
        var a38 = sources.Single(s => s.Hash == pictures.Single(p => p.Width == 1600).Hash);
        Assert.Equal(("images/a38.jpg", 1600, 1067), (a38.File, a38.Width, a38.Height));
    }

    /// <summary>`cp -p`, `rsync -t` and tar keep the file's time: a picture of the same size saved over another looked unchanged.</summary>
    [Fact]
    public async Task APictureSavedOverWithTheSameSizeAndTime_IsCheckedAgain_WhenTheWatcherReportsIt()
    {
        await _harness.ImportAsync();
        var before = await PictureHashAsync("a38");
        var path = Path.Combine(_harness.ContentPath, "images", "a38.jpg");
        var written = File.GetLastWriteTimeUtc(path);
        var other = TestPictures.Jpeg(1600, 1067);
        var bytes = File.ReadAllBytes(path);
        Assert.True(other.Length <= bytes.Length);
        // The other picture, padded after its end to the same size (decoders stop at the end marker).
        other.CopyTo(bytes, 0);
        Array.Fill(bytes, (byte)0, other.Length, bytes.Length - other.Length);
        File.WriteAllBytes(path, bytes);
        File.SetLastWriteTimeUtc(path, written);
        _harness.Importer.FileChanged(path);

        var report = await _harness.ImportAsync();

        Assert.Empty(report.Errors);
        Assert.NotEqual(before, await PictureHashAsync("a38"));
        Assert.Equal(PictureCodec.HashOf(bytes), await PictureHashAsync("a38"));
    }

    [Fact]
    public async Task AMissingPicture_RefusesTheArticleAtItsLine_AndTheLastGoodVersionStays()
    {
        await _harness.ImportAsync();
        var before = await PictureHashAsync("a38");
        _harness.Edit(Venues, A38Line, "- **Image:** images/a83.jpg");
        _harness.Edit(Venues, "## A38\n", "## A38 Ship\n");

        var report = await _harness.ImportAsync();

        var error = Assert.Single(report.Errors);
        var (line, column) = Locate(Venues, "images/a83.jpg");
        Assert.Equal(("articles/" + Venues, line, column), (error.File, error.Line, error.Column));
        Assert.StartsWith("The picture 'images/a83.jpg' cannot be shown: There is no picture 'images/a83.jpg' in the content folder. Did you mean 'a38.jpg'?", error.Message);
        Assert.Equal(before, await PictureHashAsync("a38"));
        Assert.NotNull(await _harness.FindEntryAsync("venues", "a38"));
    }

    [Theory]
    [InlineData("text", "This file is not a picture that can be read")]
    [InlineData("huge", "the limit is 10 MB")]
    [InlineData("gif", "This picture is saved as GIF")]
    [InlineData("tiny", "too small to look sharp")]
    public async Task ABadPictureFile_RefusesOnlyItsArticle(string what, string expected)
    {
        await _harness.ImportAsync();
        File.WriteAllBytes(Path.Combine(_harness.ContentPath, "images", "a38.jpg"), what switch
        {
            "text" => "not a picture"u8.ToArray(),
            "huge" => new byte[11 * 1024 * 1024],
            "gif" => TestPictures.Gif(),
            _ => TestPictures.Jpeg(150, 100),
        });
        _harness.Edit(Labels, "## Cobalt Music\n", "## Cobalt Music Group\n");

        var report = await _harness.ImportAsync();

        var error = Assert.Single(report.Errors);
        Assert.Equal("articles/" + Venues, error.File);
        Assert.Contains(expected, error.Message);
        // The labels article changed too and went in: one bad picture costs only its own article.
        Assert.NotNull(await _harness.FindEntryAsync("labels", "cobalt-music-group"));
    }

    [Fact]
    public async Task ReplacingAPictureUnderTheSameName_ImportsTheArticleAgain_AndDropsTheOldAddress()
    {
        await _harness.ImportAsync();
        var before = await PictureHashAsync("a38");

        File.WriteAllBytes(Path.Combine(_harness.ContentPath, "images", "a38.jpg"), TestPictures.Jpeg(1200, 900));
        var report = await _harness.ImportAsync();

        Assert.Empty(report.Errors);
        Assert.Equal(1, report.ArticlesWritten);
        var after = await PictureHashAsync("a38");
        Assert.NotEqual(before, after);
        await using var db = _harness.CreateDbContext();
        Assert.False(await db.PictureSources.AnyAsync(s => s.Hash == before, TestContext.Current.CancellationToken));
        Assert.True(await db.PictureSources.AnyAsync(s => s.Hash == after && s.File == "images/a38.jpg" && s.Width == 1200, TestContext.Current.CancellationToken));
        // The article was kept between imports without its prose (to save memory); what is written again must have it.
        var a38 = await _harness.FindEntryAsync("venues", "a38");
        Assert.Contains("Danube", a38!.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("stages", await db.Articles.Where(a => a.SourceFile == "articles/" + Venues).Select(a => a.IntroHtml).SingleAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovingAPictureFromAnEntry_DropsItsAddress_AndTheSleeveComesBack()
    {
        await _harness.ImportAsync();
        var before = await PictureHashAsync("a38");

        _harness.Edit(Venues, A38Line + "\n- **Image alt:** A long dark hull with lit portholes on a river at sunset\n- **Image credit:** Drawn for the test suite\n", "");
        await _harness.ImportAsync();

        Assert.Null(await PictureHashAsync("a38"));
        await using var db = _harness.CreateDbContext();
        Assert.False(await db.PictureSources.AnyAsync(s => s.Hash == before, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ThePictureOfADraft_IsCheckedAndKept_ButShownNowhere()
    {
        await _harness.ImportAsync();
        File.WriteAllBytes(Path.Combine(_harness.ContentPath, "images", "draft.png"), TestPictures.Png(800, 800));
        _harness.WriteArticle("2021-06-draft.md", ArticleText.With("## Draft Label\n\n- **Country:** Belgium\n- **Founded:** 1990\n- **Image:** images/draft.png\n- **Image alt:** Red and blue halves\n")
            .Replace("summary:", "draft: true\nsummary:", StringComparison.Ordinal));

        var report = await _harness.ImportAsync();
        await _harness.ImportAsync();

        Assert.Empty(report.Errors);
        await using var db = _harness.CreateDbContext();
        Assert.Equal(4, await db.Pictures.CountAsync(TestContext.Current.CancellationToken));
        // Its renditions can be made, for the editors' preview of the draft.
        Assert.True(await db.PictureSources.AnyAsync(s => s.File == "images/draft.png", TestContext.Current.CancellationToken));
        Assert.Equal(4, await db.PictureSources.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ALinkOutOfTheContentFolder_IsRefused()
    {
        var outside = Path.Combine(TempFolder.Create("outside"), "secret.jpg");
        File.WriteAllBytes(outside, TestPictures.Jpeg(800, 600));
        File.Delete(Path.Combine(_harness.ContentPath, "images", "a38.jpg"));
        File.CreateSymbolicLink(Path.Combine(_harness.ContentPath, "images", "a38.jpg"), outside);

        var report = await _harness.ImportAsync();

        var error = Assert.Single(report.Errors);
        Assert.Contains("is a link to", error.Message);
        Assert.Null(await _harness.FindEntryAsync("venues", "a38"));
    }

    [Theory]
    [InlineData(2)]   // a.jpg -> b.jpg -> a.jpg
    [InlineData(45)]  // a chain longer than the 40 links the system follows
    public async Task APictureThatIsALinkLoop_RefusesItsArticleAtItsLine_AndLaterEditsAreStillImported(int links)
    {
        await _harness.ImportAsync();
        var images = Path.Combine(_harness.ContentPath, "images");
        File.Delete(Path.Combine(images, "a38.jpg"));
        for (var link = 0; link < links; link++)
        {
            var name = link == 0 ? "a38.jpg" : $"loop{link}.jpg";
            var target = link == links - 1 ? (links == 2 ? "a38.jpg" : "missing-at-the-end.jpg") : $"loop{link + 1}.jpg";
            File.CreateSymbolicLink(Path.Combine(images, name), target);
        }

        var report = await _harness.ImportAsync();
        _harness.Edit(Labels, "- **City:** London\n- **Founded:** 1990", "- **City:** Brighton\n- **Founded:** 1990");
        var next = await _harness.ImportAsync();

        var error = Assert.Single(report.Errors);
        Assert.Contains("images/a38.jpg", error.Message);
        Assert.NotEqual(1, error.Line);
        // The venues article keeps its last good version; the labels' edit is taken.
        Assert.NotNull(await _harness.FindEntryAsync("venues", "a38"));
        Assert.Contains("Brighton", (await _harness.FindEntryAsync("labels", "ninja-tune"))!.Facts.Single(fact => fact.Key == "City").Values);
        Assert.Single(next.Errors);
        using var output = new StringWriter();
        var exit = await ContentCheck.RunAsync([_harness.ContentPath], output, _harness.Clock, TestContext.Current.CancellationToken);
        Assert.Equal(1, exit);
        Assert.Contains("images/a38.jpg", output.ToString());
    }

    [Fact]
    public async Task TheCheckCommand_ReportsAPictureProblem_AsFileLineColumn()
    {
        File.Delete(Path.Combine(_harness.ContentPath, "images", "cobalt-music.png"));
        using var output = new StringWriter();

        var exit = await ContentCheck.RunAsync([_harness.ContentPath], output, _harness.Clock, TestContext.Current.CancellationToken);

        var (line, column) = Locate(Labels, "images/cobalt-music.png");
        Assert.Equal(1, exit);
        Assert.Contains($"{_harness.ContentPath}/articles/{Labels}:{line}:{column}: error: The picture 'images/cobalt-music.png' cannot be shown: There is no picture", output.ToString());
    }

    [Fact]
    public async Task ABadKindPicture_IsAnErrorAtItsLine_AndTheKindKeepsItsLastGoodPicture_WhileTheRestOfKindsYmlIsTaken()
    {
        await _harness.ImportAsync();
        var kindsFile = Path.Combine(_harness.ContentPath, ContentFolder.KindsFileName);
        var kinds = File.ReadAllText(kindsFile);
        File.WriteAllText(kindsFile, kinds.Replace("image: images/venues-cover.webp", "image: images/venue-cover.webp", StringComparison.Ordinal)
            .Replace("plural: Venues", "plural: Music venues", StringComparison.Ordinal));

        var report = await _harness.ImportAsync();

        var error = Assert.Single(report.Errors);
        var lines = File.ReadAllLines(kindsFile);
        var line = Array.FindIndex(lines, candidate => candidate.Contains("images/venue-cover.webp", StringComparison.Ordinal)) + 1;
        Assert.Equal((ContentFolder.KindsFileName, line, lines[line - 1].IndexOf("images/", StringComparison.Ordinal) + 1), (error.File, error.Line, error.Column));
        Assert.Contains("There is no picture 'images/venue-cover.webp'", error.Message);
        await using var db = _harness.CreateDbContext();
        var venues = await db.Kinds.AsNoTracking().Include(kind => kind.Picture).SingleAsync(kind => kind.Key == "venues", TestContext.Current.CancellationToken);
        Assert.Equal("Music venues", venues.Plural);
        Assert.Equal("Coloured stage lights glowing above a dark, empty stage", venues.Picture?.Alt);
        Assert.Equal(FrozenContent.ArticleFileNames.Count, await db.Articles.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ABadKindPicture_OnANewStore_CostsOnlyThePicture()
    {
        File.WriteAllBytes(Path.Combine(_harness.ContentPath, "images", "venues-cover.webp"), "not a picture"u8.ToArray());

        var report = await _harness.ImportAsync();

        // The venues article names the same file: it is refused too; the kind and every other article are served.
        Assert.Equal(["articles/" + Venues, ContentFolder.KindsFileName], report.Errors.Select(error => error.File).Order(StringComparer.Ordinal));
        await using var db = _harness.CreateDbContext();
        var venues = await db.Kinds.AsNoTracking().Include(kind => kind.Picture).SingleAsync(kind => kind.Key == "venues", TestContext.Current.CancellationToken);
        Assert.Null(venues.Picture);
        Assert.Equal(FrozenContent.ArticleFileNames.Count - 1, await db.Articles.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AKindsPictureTakenOut_LeavesNoPictureBehind()
    {
        await _harness.ImportAsync();
        var kindsFile = Path.Combine(_harness.ContentPath, ContentFolder.KindsFileName);
        File.WriteAllText(kindsFile, File.ReadAllText(kindsFile).Replace("    image: images/venues-cover.webp\n    image_alt: Coloured stage lights glowing above a dark, empty stage\n", "", StringComparison.Ordinal));

        var report = await _harness.ImportAsync();

        Assert.Empty(report.Errors);
        await using var db = _harness.CreateDbContext();
        Assert.Null((await db.Kinds.AsNoTracking().Include(kind => kind.Picture).SingleAsync(kind => kind.Key == "venues", TestContext.Current.CancellationToken)).Picture);
        Assert.Equal(3, await db.Pictures.CountAsync(TestContext.Current.CancellationToken));
        Assert.False(await db.Pictures.AnyAsync(picture => picture.EntryId == null && picture.ArticleId == null && picture.KindKey == null, TestContext.Current.CancellationToken));
    }

    private (int Line, int Column) Locate(string file, string text)
    {
        var lines = File.ReadAllLines(_harness.ArticlePath(file));
        var index = Array.FindIndex(lines, candidate => candidate.Contains(text, StringComparison.Ordinal));
        return (index + 1, lines[index].IndexOf(text, StringComparison.Ordinal) + 1);
    }

    private async Task<string?> PictureHashAsync(string venueSlug)
    {
        await using var db = _harness.CreateDbContext();
        return await db.Entries.Where(entry => entry.KindKey == "venues" && entry.Slug == venueSlug).Select(entry => entry.Picture!.Hash).FirstOrDefaultAsync(TestContext.Current.CancellationToken);
    }
}
