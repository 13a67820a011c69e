using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests.Content;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Ninja Tune", "ninja-tune")]
    [InlineData("VTMÖ", "vtmo")]
    [InlineData("[PIAS]", "pias")]
    [InlineData("L'Usine", "lusine")]
    [InlineData("L’Usine", "lusine")]
    [InlineData("AKC Metelkova Mesto", "akc-metelkova-mesto")]
    [InlineData("Sony/BMG court victory", "sony-bmg-court-victory")]
    [InlineData("Straße & Søn", "strasse-son")]
    [InlineData("  Centro Cultural Vila Flor  ", "centro-cultural-vila-flor")]
    [InlineData("3ème Bureau", "3eme-bureau")]
    public void From_MakesLowerCaseAsciiWithAccentsFolded(string name, string slug) =>
        Assert.Equal(slug, Slug.From(name));

    [Theory]
    [InlineData("ninja-tune", true)]
    [InlineData("Ninja-Tune", false)]
    [InlineData("ninja tune", false)]
    [InlineData("-ninja", false)]
    [InlineData("", false)]
    public void IsValid_AcceptsOnlyWhatFromWouldProduce(string text, bool valid) =>
        Assert.Equal(valid, Slug.IsValid(text));
}
