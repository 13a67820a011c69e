using SkiaSharp;

namespace Impala.Discovery.Web.Features.Cards;

/// <summary>
/// The two families every card, badge and sleeve is set in, shipped inside the assembly (Fonts/, with their OFL
/// licences) so that no machine font is ever used: Source Serif 4 Bold for names and titles, Inter Bold for the small
/// labels, each per script as @fontsource ships them, and Noto Sans Hebrew Bold for Hebrew, which neither covers.
/// The same families can later be the site's self-hosted web fonts (issue 10).
/// </summary>
public static class CardFonts
{
    private static readonly string[] Scripts = ["latin", "latin-ext", "greek", "cyrillic", "cyrillic-ext"];

    public static TypefaceChain Display { get; } = Load("source-serif-4", 700);

    public static TypefaceChain Text { get; } = Load("inter", 700);

    private static TypefaceChain Load(string family, int weight)
    {
        var files = Scripts.Select(script => $"{family}-{script}-{weight}-normal.woff").Append("noto-sans-hebrew-hebrew-700-normal.woff");
        return new TypefaceChain(files.Select(LoadTypeface).ToList());
    }

    private static SKTypeface LoadTypeface(string fileName)
    {
        var assembly = typeof(CardFonts).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(name => name.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        // HarfBuzz reads OpenType only: Skia and HarfBuzz are both given the unpacked font, so they agree on every glyph.
        using var data = SKData.CreateCopy(Woff.ToOpenType(bytes.ToArray()));
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"The card font {fileName} could not be read.");
    }
}
