using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests.Content;

/// <summary>"Next year" is the site's clock's next year, so the checks are the same in a test, on a server, and in 2030.</summary>
public sealed class ParserClockTests
{
    private static readonly string Article = ArticleText.With("""
        ## Future Label

        - **Country:** Belgium
        - **Founded:** 2031
        """);

    [Fact]
    public void Parse_YearAfterNextByTheClock_IsRefused()
    {
        var parser = new ArticleParser(FrozenContent.Kinds, new FixedClock(new DateTimeOffset(2029, 6, 1, 0, 0, 0, TimeSpan.Zero)));

        var error = Assert.Single(parser.Parse(ArticleText.FileName, Article).Errors);

        Assert.Contains("between 1000 and 2030", error.Message);
    }

    [Fact]
    public void Parse_NextYearByTheClock_IsAccepted()
    {
        var parser = new ArticleParser(FrozenContent.Kinds, new FixedClock(new DateTimeOffset(2030, 6, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.True(parser.Parse(ArticleText.FileName, Article).Succeeded);
    }
}
