#:project ../../src/Impala.Discovery.Web/Impala.Discovery.Web.csproj
// Prints what an editor's picture costs at import: the time to check (decode) and to make every rendition, the bytes
// of the renditions against the file's, for typical and worst-case pictures
// (a phone photo, a 25-megapixel camera frame, a PNG the same size, the 10 MB limit). Not a test: speed is measured
// here, not asserted. Run: dotnet run tests/Benchmarks/picture-renditions.cs
using System.Diagnostics;
using Impala.Discovery.Web.Content.Pictures;
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
