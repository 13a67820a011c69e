using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests.Fuzzing;

/// <summary>
/// Each class of <see cref="StructuralMistake"/>, dropped at random places of the frozen articles one at a time: every
/// one is refused with an error on its file and line, so none can change a live page without a word. A fixed seed
/// keeps the normal run the same; IMPALA_FUZZ_SEED gives fresh places.
/// </summary>
public sealed class StructuralMistakeTests
{
    private const int PlacesPerClass = 40;

    public static TheoryData<string> Classes => new(StructuralMistake.Classes);

    [Theory]
    [MemberData(nameof(Classes))]
    public void EveryMistake_AtARandomPlace_IsReportedOnItsFileAndLine(string mistake)
    {
        var seed = FuzzSettings.FromEnvironment().Seed + StructuralMistake.Classes.ToList().IndexOf(mistake);
        var random = new Random(seed);
        var parser = new ArticleParser(FrozenContent.Kinds);
        var missed = new List<string>();
        for (var place = 0; place < PlacesPerClass; place++)
        {
            var name = FrozenContent.ArticleFileNames[random.Next(FrozenContent.ArticleFileNames.Count)];
            var file = $"{ContentFolder.ArticlesFolderName}/{name}";
            var lines = FrozenContent.ArticleText(name).Split('\n').ToList();
            var kind = FrozenContent.Kinds.Kinds.Single(kind => lines.Contains($"kind: {kind.Key}"));
            var line = StructuralMistake.Apply(mistake, lines, kind.Facts, random);
            Assert.True(line is not null, $"{name} has no place for a {mistake}");

            var errors = parser.Parse(file, string.Join('\n', lines)).Errors;

            if (!errors.Any(error => error.File == file && error.Line == line))
            {
                missed.Add($"{file}:{line}: {lines[line.Value - 1]}\n    reported: {string.Join("\n              ", errors.Select(error => $"{error.Line}: {error.Message}"))}");
            }
        }

        Assert.True(missed.Count == 0, $"{missed.Count} of {PlacesPerClass} places of a {mistake} (seed {seed}) were not reported on their line:\n{string.Join('\n', missed)}");
    }

    [Fact]
    public void TheFrozenArticles_WithoutAMistake_PassEveryCheck()
    {
        var parser = new ArticleParser(FrozenContent.Kinds);

        var errors = FrozenContent.ArticleFileNames.SelectMany(name => parser.Parse($"articles/{name}", FrozenContent.ArticleText(name)).Errors);

        Assert.Empty(errors);
    }
}
