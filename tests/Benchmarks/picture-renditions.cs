#:project ../../src/Impala.Discovery.Web/Impala.Discovery.Web.csproj
#:property PublishAot=false
// Prints what an editor's picture costs: the time to check it (decode, at import) and to make every rendition (one at
// a time, each on its first request), the bytes of the renditions against the file's, for typical and worst-case
// pictures (a phone photo, a 25-megapixel camera frame, a PNG the same size, the 10 MB limit). Then what a new
// instance costs with many pictures: the frozen test content plus N pictures of the tests' kind (1600×1067 JPEGs, one
// per entry), imported into an empty store (the time the site answers 503 before its first page), and the first and
// second request of one rendition. Not a test: speed is measured here, not asserted.
// Run: dotnet run tests/Benchmarks/picture-renditions.cs [-- N]   (N pictures, 200 unless told)
using System.Diagnostics;
using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Pictures;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Pictures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;

byte[] Photo(int width, int height, SKEncodedImageFormat format, int quality)
{
    // Noise and gradients, so the encoders work as hard as on a real photograph.
    using var surface = SKSurface.Create(new SKImageInfo(width, height));
    using var shader = SKShader.CreateCompose(
        SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [SKColors.DarkBlue, SKColors.Orange, SKColors.Teal], SKShaderTileMode.Clamp),
        SKShader.CreatePerlinNoiseFractalNoise(0.02f, 0.02f, 4, 7));
    using var paint = new SKPaint { Shader = shader };
    surface.Canvas.DrawRect(0, 0, width, height, paint);
    using var image = surface.Snapshot();
    using var data = image.Encode(format, quality);
    return data.ToArray();
}

var cases = new (string Name, byte[] Bytes)[]
{
    ("phone photo 4032×3024 JPEG", Photo(4032, 3024, SKEncodedImageFormat.Jpeg, 85)),
    ("camera 6000×4000 JPEG (24 MP)", Photo(6000, 4000, SKEncodedImageFormat.Jpeg, 92)),
    ("web picture 1600×1067 JPEG", Photo(1600, 1067, SKEncodedImageFormat.Jpeg, 85)),
    ("logo 1200×1200 PNG", Photo(1200, 1200, SKEncodedImageFormat.Png, 100)),
    ("PNG 5000×5000 (25 MP, over 10 MB)", Photo(5000, 5000, SKEncodedImageFormat.Png, 100)),
    ("WebP 3000×2000", Photo(3000, 2000, SKEncodedImageFormat.Webp, 90)),
};

Console.WriteLine($"{"picture",-32} {"file",9} {"check",8} {"render",8} {"renditions",11} {"largest",9}");
foreach (var (name, bytes) in cases)
{
    var check = Stopwatch.StartNew();
    var (picture, error) = PictureCodec.Check(bytes);
    check.Stop();
    if (picture is null)
    {
        Console.WriteLine($"{name,-32} {bytes.Length / 1024.0,7:0} KB refused: {error}");
        continue;
    }

    // As the site makes them: one at a time, each on its first request.
    var render = Stopwatch.StartNew();
    var renditions = PictureSizes.NamesFor(picture.Width).Select(rendition => (Name: rendition, Bytes: PictureCodec.Render(bytes, rendition))).ToList();
    render.Stop();
    var total = renditions.Sum(rendition => rendition.Bytes.Length);
    var largest = renditions.Where(rendition => !rendition.Name.StartsWith("sq", StringComparison.Ordinal) && rendition.Name.EndsWith(".webp", StringComparison.Ordinal))
        .MaxBy(rendition => rendition.Bytes.Length)!;
    Console.WriteLine($"{name,-32} {bytes.Length / 1024.0,6:0} KB {check.ElapsedMilliseconds,5} ms {render.ElapsedMilliseconds,5} ms "
        + $"{renditions.Count,3} {total / 1024.0,5:0} KB {largest.Name,-9}");
}

var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 200;
var work = Directory.CreateTempSubdirectory("impala-picture-bench-").FullName;
try
{
    var content = Path.Combine(work, "content");
    var fixture = Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", "Impala.Discovery.Tests", "Fixtures", "content");
    foreach (var file in Directory.EnumerateFiles(fixture, "*", SearchOption.AllDirectories))
    {
        var target = Path.Combine(content, Path.GetRelativePath(fixture, file));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(file, target);
    }

    // Twenty entries an article, each with its own picture: a gradient under a number, so no two files are alike.
    for (var article = 0; article * 20 < count; article++)
    {
        var text = new System.Text.StringBuilder($"---\ntitle: Bench venues {article}\nkind: venues\npublished: 2019-{article % 12 + 1:00}-01\n"
            + $"summary: Venues with pictures, for the benchmark.\n---\n\nVenues with pictures.\n");
        for (var entry = article * 20; entry < Math.Min(count, (article + 1) * 20); entry++)
        {
            File.WriteAllBytes(Path.Combine(content, "images", $"bench-{entry}.jpg"), Numbered(entry));
            text.Append($"\n## Bench Venue {entry}\n\n- **Country:** Belgium\n- **City:** Ghent\n- **Image:** images/bench-{entry}.jpg\n"
                + $"- **Image alt:** A gradient numbered {entry}\n\nA venue of the benchmark.\n");
        }

        File.WriteAllText(Path.Combine(content, "articles", $"2019-{article % 12 + 1:00}-bench-{article}.md"), text.ToString());
    }

    var options = new DbContextOptionsBuilder<DiscoveryDbContext>().UseSqlite($"Data Source={Path.Combine(work, "discovery.db")}").Options;
    var stores = new Stores(options);
    await using (var db = stores.CreateDbContext())
    {
        await DiscoveryDatabase.EnsureReadyAsync(db, CancellationToken.None);
    }

    using var importer = new ContentImporter(new ContentFolder(content), stores, TimeProvider.System, NullLogger<ContentImporter>.Instance);
    var import = Stopwatch.StartNew();
    var report = await importer.ImportAsync(CancellationToken.None);
    import.Stop();
    Console.WriteLine();
    Console.WriteLine($"a new instance with {count} pictures: {report.Articles} articles, {report.Errors.Count} errors; "
        + $"first import (pages answer 503 meanwhile) {import.ElapsedMilliseconds} ms");

    await using (var db = stores.CreateDbContext())
    {
        var source = await db.PictureSources.FirstAsync(source => source.File == "images/bench-0.jpg");
        using var cache = new RenditionCache(Path.Combine(work, RenditionCache.FolderName), new ContentFolder(content), stores, NullLogger<RenditionCache>.Instance);
        foreach (var request in new[] { "first", "second" })
        {
            var get = Stopwatch.StartNew();
            await cache.GetAsync(source, "720.webp", CancellationToken.None);
            Console.WriteLine($"{request} request of one rendition (720.webp): {get.Elapsed.TotalMilliseconds:0.0} ms");
        }
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(work, recursive: true);
}

static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;

static byte[] Numbered(int number)
{
    using var surface = SKSurface.Create(new SKImageInfo(1600, 1067));
    using var shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(1600, 1067),
        [new SKColor((byte)(number * 37), 90, 160), SKColors.Orange], SKShaderTileMode.Clamp);
    using var paint = new SKPaint { Shader = shader };
    surface.Canvas.DrawRect(0, 0, 1600, 1067, paint);
    using var font = new SKFont(SKTypeface.Default, 300);
    using var ink = new SKPaint { Color = SKColors.White };
    surface.Canvas.DrawText(number.ToString(System.Globalization.CultureInfo.InvariantCulture), 200, 700, SKTextAlign.Left, font, ink);
    using var image = surface.Snapshot();
    using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
    return data.ToArray();
}

/// <summary>The store the import writes, as the site's factory gives it.</summary>
sealed class Stores(DbContextOptions<DiscoveryDbContext> options) : IDbContextFactory<DiscoveryDbContext>
{
    public DiscoveryDbContext CreateDbContext() => new(options);
}
