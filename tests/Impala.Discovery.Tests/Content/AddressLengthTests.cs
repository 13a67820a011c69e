using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Parsing;

namespace Impala.Discovery.Tests.Content;

/// <summary>
/// Every address an article gives is at most <see cref="ParserLimits.MaxAddressLength"/> characters, whatever writes it
/// (found by replay 6: a 3,000-character Slug line was served, and put in the sitemap): refused at its line, saying so.
/// </summary>
public sealed class AddressLengthTests
{
    private static readonly string Longest = new('a', ParserLimits.MaxAddressLength);
    private static readonly string OneTooLong = Longest + "b";

    private readonly ArticleParser _parser = new(FrozenContent.Kinds);

    [Fact]
    public void SlugLine_AtTheLimit_IsTaken()
    {
        var result = _parser.Parse(ArticleText.FileName, ArticleText.With(Label($"- **Slug:** {Longest}")));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(Longest, Assert.Single(result.Value!.Entries).Slug);
    }

    [Fact]
    public void SlugLine_OneOverTheLimit_IsRefusedAtItsLine()
    {
        var error = SingleError(ArticleText.FileName, ArticleText.With(Label($"- **Slug:** {OneTooLong}")));

        Assert.Equal(14, error.Line);
        Assert.Contains($"is {ParserLimits.MaxAddressLength + 1} characters long; an address is at most {ParserLimits.MaxAddressLength}", error.Message);
    }

    [Fact]
    public void AnEntrysFormerAddress_OverTheLimit_IsRefusedAtItsLine()
    {
        var error = SingleError(ArticleText.FileName, ArticleText.With(Label($"- **Aliases:** old-name, {OneTooLong}")));

        Assert.Equal(14, error.Line);
        Assert.Contains("characters long", error.Message);
    }

    [Fact]
    public void ANameThatMakesAnAddressOverTheLimit_IsRefusedAtItsHeading_AskingForASlugLine()
    {
        // 149 characters, a name there may be (ten words of 14 letters), each letter folded to two: 289 of address.
        var name = string.Join(' ', Enumerable.Repeat(new string('ß', 14), 10));

        var error = SingleError(ArticleText.FileName, ArticleText.With(Label("", name)));

        Assert.Equal(10, error.Line);
        Assert.Contains("- **Slug:** a-shorter-name", error.Message);
    }

    [Fact]
    public void AnArticlesFormerAddress_OverTheLimit_IsRefused()
    {
        var text = ArticleText.With(ArticleText.NinjaTune).Replace("kind: labels", $"kind: labels\naliases: [{OneTooLong}]", StringComparison.Ordinal);

        var error = SingleError(ArticleText.FileName, text);

        Assert.Contains("Remove it from 'aliases'", error.Message);
    }

    [Fact]
    public void AFileNameThatMakesAnAddressOverTheLimit_IsRefused()
    {
        var error = SingleError($"articles/2021-04-{OneTooLong}.md", ArticleText.With(ArticleText.NinjaTune));

        Assert.Equal(1, error.Line);
        Assert.Contains("rename the file shorter", error.Message);
    }

    private static string Label(string extraFact, string name = "Long Address Records") => $"""
        ## {name}

        - **Country:** Belgium
        - **Founded:** 1983
        {extraFact}

        A label with a long address.
        """;

    private ContentError SingleError(string file, string text)
    {
        var result = _parser.Parse(file, text);
        Assert.False(result.Succeeded);
        return Assert.Single(result.Errors);
    }
}
