using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests.Content;

public sealed class KnownCountriesTests
{
    [Theory]
    [InlineData("United Kingdom", "the United Kingdom")]
    [InlineData("Netherlands", "the Netherlands")]
    [InlineData("Czech Republic", "the Czech Republic")]
    [InlineData("Slovak Republic", "the Slovak Republic")]
    [InlineData("Ireland", "Ireland")]
    [InlineData("Denmark", "Denmark")]
    [InlineData("North Macedonia", "North Macedonia")]
    public void InRunningText_AddsTheArticleOnlyWhereEnglishUsesOne(string name, string expected) =>
        Assert.Equal(expected, KnownCountries.InRunningText(name));
}
