using System.Text.RegularExpressions;
using Impala.Discovery.Tests.Fuzzing;
using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests.Content;

/// <summary>
/// Advice that works when followed: each message whose fix can be done without thinking ("Write it as '…'", "Put a blank
/// line above line N", a placeholder to fill in, a fact to move into its list) is followed to the letter, as an editor
/// would, and the file must then be accepted. Advice that leads to another error fails here, which is how "indent with
/// spaces" for a front-matter line and "quote the value" for an indented key were caught.
/// </summary>
public sealed partial class AdviceWorksTests
{
    private readonly ArticleParser _parser = new(FrozenContent.Kinds);

    public static TheoryData<string> Classes => new(StructuralMistake.Classes);

    [Theory]
    [MemberData(nameof(Classes))]
    public void EveryStructuralMistake_FollowingTheAdvice_GivesAnAcceptedFile(string mistake)
    {
        var random = new Random(FuzzSettings.FromEnvironment().Seed + StructuralMistake.Classes.ToList().IndexOf(mistake));
        for (var place = 0; place < 10; place++)
        {
            var name = FrozenContent.ArticleFileNames[random.Next(FrozenContent.ArticleFileNames.Count)];
            var lines = FrozenContent.ArticleText(name).Split('\n').ToList();
            var kind = FrozenContent.Kinds.Kinds.Single(kind => lines.Contains($"kind: {kind.Key}"));
            StructuralMistake.Apply(mistake, lines, kind.Facts, random);

            AssertFollowingTheAdviceFixes($"articles/{name}", lines);
        }
    }

    [Theory]
    [InlineData("kind: labels", "\tkind: labels")]
    [InlineData("kind: labels", "kind: labels\n\tdraft: true")]
    [InlineData("kind: labels", "  kind: labels")]
    [InlineData("published: 2021-04-01", "   published: 2021-04-01")]
    [InlineData("title: Test labels", "title: Our #1 labels")]
    [InlineData("summary: A small article for tests.", "summary: A small article # for tests")]
    [InlineData("summary: A small article for tests.", "summary: A small article\n\tfor tests")]
    public void FrontMatterMistake_FollowingTheAdvice_GivesAnAcceptedFile(string find, string mistake)
    {
        var text = ArticleText.With(ArticleText.NinjaTune).Replace(find, mistake, StringComparison.Ordinal);

        AssertFollowingTheAdviceFixes(ArticleText.FileName, [.. text.Split('\n')]);
    }

    [Fact]
    public void TabInKindsYml_FollowingTheAdvice_GivesAnAcceptedCatalogue()
    {
        var lines = KindsText.OnlyManagers.Replace("    plural:", "\tplural:", StringComparison.Ordinal).Split('\n').ToList();
        var error = Assert.Single(KindCatalogParser.Parse("kinds.yml", string.Join('\n', lines)).Errors);

        Assert.True(Follow(error, lines), error.Message);

        var fixedCatalogue = KindCatalogParser.Parse("kinds.yml", string.Join('\n', lines));
        Assert.True(fixedCatalogue.Succeeded, string.Join("\n", fixedCatalogue.Errors));
    }

    private void AssertFollowingTheAdviceFixes(string file, List<string> lines)
    {
        var followed = new List<string>();
        for (var step = 0; step < 10; step++)
        {
            var result = _parser.Parse(file, string.Join('\n', lines));
            if (result.Succeeded)
            {
                Assert.NotEmpty(followed);
                return;
            }

            var error = result.Errors.FirstOrDefault(error => Follow(error, lines));
            Assert.True(error is not null, $"{file}: no error left says what to write, after following:\n{string.Join('\n', followed)}\n"
                + $"errors:\n{string.Join('\n', result.Errors)}");
            followed.Add(error.ToString());
        }

        Assert.Fail($"{file}: still refused after following ten pieces of advice:\n{string.Join('\n', followed)}");
    }

    /// <summary>Does what the message says to the lines, when it says it plainly enough to do without thinking.</summary>
    private static bool Follow(ContentError error, List<string> lines)
    {
        var index = error.Line - 1;
        if (WriteItAs().Match(error.Message) is { Success: true } write)
        {
            lines[index] = write.Groups["line"].Value;
        }
        else if (BlankLineAbove().Match(error.Message) is { Success: true } blank)
        {
            lines.Insert(int.Parse(blank.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) - 1, "");
        }
        else if (PlaceholderIn().Match(error.Message) is { Success: true } placeholder)
        {
            // "Write the real text in its place": here, the text that was there before.
            lines[index] = lines[index].Replace(placeholder.Groups["whole"].Value, placeholder.Groups["text"].Value, StringComparison.Ordinal);
        }
        else if (error.Message.Contains("Delete this line", StringComparison.Ordinal))
        {
            lines.RemoveAt(index);
        }
        else if (error.Message.Contains("Move it into the list right under the heading", StringComparison.Ordinal))
        {
            MoveIntoTheFactsList(lines, index);
        }
        else
        {
            return false;
        }

        return true;
    }

    private static void MoveIntoTheFactsList(List<string> lines, int index)
    {
        var fact = lines[index].StartsWith("- ", StringComparison.Ordinal) ? lines[index] : "- " + lines[index];
        lines.RemoveAt(index);
        var heading = lines.FindLastIndex(index - 1, line => line.StartsWith("## ", StringComparison.Ordinal));
        var end = heading + 1;
        while (end < lines.Count && lines[end].Length == 0)
        {
            end++;
        }

        while (end < lines.Count && lines[end].StartsWith("- **", StringComparison.Ordinal))
        {
            end++;
        }

        lines.Insert(end, fact);
    }

    [GeneratedRegex(@"Write it as '(?<line>.*)'\.$")]
    private static partial Regex WriteItAs();

    [GeneratedRegex(@"Put a blank line above line (?<line>\d+)\.$")]
    private static partial Regex BlankLineAbove();

    [GeneratedRegex(@"still holds the placeholder '(?<whole>\[\[(?<text>.*?)\]\])'")]
    private static partial Regex PlaceholderIn();
}
