using System.Diagnostics;
using System.Globalization;
using System.Text;
using Impala.Discovery.Web.Features.Cards;

namespace Impala.Discovery.Tests.Features.Cards;

/// <summary>
/// How names are fitted into the boxes of cards, sleeves and badges. The lines and sizes are compared with those the
/// first version (which cut a long line a character at a time) gave for the frozen fixture's names and titles and for
/// awkward names, kept in text-block-fits.txt beside this file: cutting faster must not change a card. After a
/// deliberate change, refresh the file with
/// <c>IMPALA_REFRESH_GOLDEN=1 dotnet test --project tests/Impala.Discovery.Tests -- --filter-class "*TextBlockTests"</c>.
/// </summary>
public sealed class TextBlockTests
{
    private const string GoldenName = "text-block-fits.txt";

    /// <summary>The boxes the renderers ask for: the badge's one line, the sleeve's name, the card's title and caption.</summary>
    private static readonly (string Box, TypefaceChain Chain, float Width, float Height, float MaxSize, float MinSize, int MaxLines, float Leading)[] Boxes =
    [
        ("badge", CardFonts.Display, 260, 26, 24, 14, 1, 1.08f),
        ("sleeve", CardFonts.Display, 516, 124, 75, 27, 3, 1.04f),
        ("title", CardFonts.Display, 446, 300, 72, 30, 4, 1.06f),
        ("caption", CardFonts.Text, 446, 66, 25, 18, 2, 1.3f),
    ];

    /// <summary>Names the fixture does not have: marks, right to left, emoji, CJK, no spaces, very long.</summary>
    private static readonly string[] AwkwardNames =
    [
        "Ninja\u0301 Tune",
        "Nin\u0303ja Tu\u0308\u0301ne Recordings and Publishing of Greater London",
        string.Concat(Enumerable.Repeat("e\u0301", 120)),
        "הקצה — Tel Aviv's Barby club and its friends from Jaffa",
        string.Concat(Enumerable.Repeat("עברית ", 40)),
        "🎵 Ninja Tune 🎶🎧 and the 👩‍👩‍👧‍👦 of sound",
        string.Concat(Enumerable.Repeat("🎵", 200)),
        "坂本龍一とYMOの音楽出版社",
        string.Concat(Enumerable.Repeat("音楽出版社", 80)),
        string.Concat(Enumerable.Repeat("Supercalifragilistic", 20)),
        "A",
        "…",
        "Ninja Tune…",
        string.Concat(Enumerable.Repeat("WМωאm", 1998)),
        string.Join(' ', Enumerable.Repeat("Warp", 1998)),
    ];

    [Fact]
    public void Fit_GivesTheLinesAndSizesTheFirstVersionGave()
    {
        var actual = Describe(Names());
        if (Environment.GetEnvironmentVariable("IMPALA_REFRESH_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(SourceFolder(), GoldenName), actual);
        }

        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Features", "Cards", GoldenName));
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        Assert.Equal(expectedLines.Length, actualLines.Length);
        for (var index = 0; index < expectedLines.Length; index++)
        {
            Assert.True(expectedLines[index] == actualLines[index], $"line {index + 1} of {GoldenName} differs:\nexpected {expectedLines[index]}\nactual   {actualLines[index]}");
        }
    }

    [Fact]
    public void Fit_CutsANameOfTenThousandCharacters_InSecondsNotMinutes()
    {
        // One word of 10,000 characters from several fonts: the first version measured ever shorter prefixes of it, a
        // character at a time, and took minutes for these four boxes; now about a second, and a busy machine is slower.
        var name = string.Concat(Enumerable.Repeat("WМωאm", 2_000));
        var watch = Stopwatch.StartNew();
        foreach (var box in Boxes)
        {
            TextBlock.Fit(box.Chain, name, box.Width, box.Height, box.MaxSize, box.MinSize, box.MaxLines, box.Leading);
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"fitting took {watch.Elapsed.TotalSeconds:0.0} s");
    }

    private static IEnumerable<string> Names()
    {
        var folder = Path.Combine(FrozenContent.Path, "articles");
        foreach (var file in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    yield return line[3..].Trim();
                }
                else if (line.StartsWith("title: ", StringComparison.Ordinal) || line.StartsWith("summary: ", StringComparison.Ordinal))
                {
                    yield return line[(line.IndexOf(':') + 1)..].Trim().Trim('"');
                }
            }
        }

        foreach (var name in AwkwardNames)
        {
            yield return name;
        }
    }

    /// <summary>One line per name and box: the box, the name's first characters and length, the size and the lines.</summary>
    private static string Describe(IEnumerable<string> names)
    {
        var text = new StringBuilder();
        foreach (var name in names)
        {
            foreach (var box in Boxes)
            {
                var block = TextBlock.Fit(box.Chain, name, box.Width, box.Height, box.MaxSize, box.MinSize, box.MaxLines, box.Leading);
                var head = name.Length <= 40 ? name : name[..40] + $"+{name.Length - 40}";
                text.Append(CultureInfo.InvariantCulture, $"{box.Box}\t{head}\t{block.Size:R}\t{string.Join(" | ", block.Lines)}\n");
            }
        }

        return text.ToString();
    }

    /// <summary>This folder in the source tree, found by walking up from the test binaries to the test project.</summary>
    private static string SourceFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Impala.Discovery.Tests.csproj")))
            {
                return Path.Combine(folder.FullName, "Features", "Cards");
            }
        }

        throw new InvalidOperationException("The test project's folder was not found above " + AppContext.BaseDirectory);
    }
}
