using System.Text;
using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Parsing;

namespace Impala.Discovery.Tests.Content;

/// <summary>
/// The parsers' bounds leave room for the series to grow (issue 21: kinds.yml in the documented style was refused at
/// about 27 kinds of 10 facts, an entry at about 50 facts): 100 kinds of 20 facts and 200 facts an entry are read, each
/// bound is read at its documented maximum, and one more is refused with an error that names the limit.
/// </summary>
public sealed class GrowthLimitsTests
{
    [Fact]
    public void ParseKinds_HundredKindsOfTwentyFacts_AreRead()
    {
        var result = KindCatalogParser.Parse("kinds.yml", KindsText.Grown(100, 20));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(100, result.Value!.Kinds.Count);
        Assert.All(result.Value.Kinds, kind => Assert.Equal(20, kind.Facts.Count));
    }

    [Fact]
    public void ParseKinds_FactsAtTheBracketMaximum_AreReadAndOneMore_IsRefusedNamingTheLimit()
    {
        var atMaximum = KindCatalogParser.Parse("kinds.yml", KindsText.Grown(1, ParserLimits.MaxYamlBrackets));
        var over = KindCatalogParser.Parse("kinds.yml", KindsText.Grown(1, ParserLimits.MaxYamlBrackets + 1));

        Assert.True(atMaximum.Succeeded, string.Join("\n", atMaximum.Errors));
        Assert.Equal(4_096, atMaximum.Value!.Kinds[0].Facts.Count);
        var error = Assert.Single(over.Errors);
        Assert.Equal((4_105, 9), (error.Line, error.Column));
        Assert.Contains("(the site reads 32 levels and 4,096 brackets in all)", error.Message);
    }

    [Fact]
    public void ParseKinds_FileAtTheSizeMaximum_IsReadAndOneByteMore_IsRefusedNamingTheLimit()
    {
        var grown = KindsText.Grown(100, 20);
        var padding = new StringBuilder();
        while (Encoding.UTF8.GetByteCount(grown) + padding.Length + 100 < ParserLimits.MaxKindsFileBytes)
        {
            padding.Append("# A comment line of the kind editors leave, to pad the file to its limit.\n");
        }

        var atMaximum = grown + padding + "#" + new string('x', ParserLimits.MaxKindsFileBytes - Encoding.UTF8.GetByteCount(grown) - padding.Length - 2) + "\n";

        var read = KindCatalogParser.Parse("kinds.yml", atMaximum);
        var refused = KindCatalogParser.Parse("kinds.yml", atMaximum + "\n");

        Assert.Equal(262_144, Encoding.UTF8.GetByteCount(atMaximum));
        Assert.True(read.Succeeded, string.Join("\n", read.Errors));
        Assert.StartsWith("kinds.yml is 262,145 bytes long; the site reads at most 262,144.", Assert.Single(refused.Errors).Message);
    }

    [Fact]
    public void Parse_EntriesOfTwoHundredFacts_AreRead()
    {
        var kinds = KindCatalogParser.Parse("kinds.yml", KindsText.Grown(1, 200)).Value!;
        var entry = "## Entry\n\n- **Country:** Belgium\n- **City:** Ghent\n"
            + string.Concat(Enumerable.Range(3, 198).Select(fact => $"- **Fact {fact}:** {(fact % 3 == 0 ? "1990" : "Some *words* of a fact")}\n"));
        var text = ArticleText.FrontMatter.Replace("kind: labels", "kind: kind-001", StringComparison.Ordinal) + "\n\n"
            + string.Join("\n", Enumerable.Range(1, 20).Select(index => entry.Replace("## Entry", $"## Entry {index}", StringComparison.Ordinal)));

        var result = new ArticleParser(kinds).Parse(ArticleText.FileName, text);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Take(3)));
        Assert.All(result.Value!.Entries, parsed => Assert.Equal(200, parsed.Facts.Count));
    }

    [Fact]
    public void Parse_ListItemAtTheEmphasisMaximum_IsReadAndOneMarkMore_IsRefusedNamingTheLimit()
    {
        string WithMarks(int marks) => ArticleText.With(ArticleText.NinjaTune + "\n\n- " + string.Concat(Enumerable.Repeat("_a ", marks)) + "\n- and another item");

        var read = new ArticleParser(FrozenContent.Kinds).Parse(ArticleText.FileName, WithMarks(ParserLimits.MaxEmphasisMarksPerParagraph));
        var refused = new ArticleParser(FrozenContent.Kinds).Parse(ArticleText.FileName, WithMarks(ParserLimits.MaxEmphasisMarksPerParagraph + 1));

        Assert.True(read.Succeeded, string.Join("\n", read.Errors));
        var error = Assert.Single(refused.Errors);
        Assert.Equal((19, 603), (error.Line, error.Column));
        Assert.StartsWith("The paragraph that starts on line 19 has more than 200 of the marks", error.Message);
    }
}
