using System.Buffers;
using Impala.Discovery.Web.Features.Search;

namespace Impala.Discovery.Tests.Features.Search;

/// <summary>The spelling index offers the words a fan most likely meant, by the typo rules of the search.</summary>
public sealed class SpellingIndexTests
{
    private static readonly SpellingIndex Words = SpellingIndex.Build(["berghain", "paradiso", "grammofon", "supraphon", "tune", "ninjatune", "paradise"]);

    [Theory]
    [InlineData("berghian", "berghain")]
    [InlineData("paradsio", "paradiso")]
    [InlineData("gramofon", "grammofon")]
    [InlineData("supraphone", "supraphon")]
    [InlineData("ninjatume", "ninjatune")]
    public void AWordOneTypoAway_OffersTheWordMeant(string typed, string meant) =>
        Assert.Equal(meant, Words.Near(typed)[0].Word);

    [Fact]
    public void ShortWords_AreNotCorrected_AndTheWordItself_IsNotOffered()
    {
        Assert.Empty(Words.Near("tuna"));
        Assert.DoesNotContain(Words.Near("paradiso"), near => near.Word == "paradiso");
    }

    [Fact]
    public void FewerTyposComeFirst()
    {
        var near = Words.Near("paradisw");

        Assert.Equal([("paradise", 1), ("paradiso", 1)], near.Take(2).OrderBy(found => found.Word, StringComparer.Ordinal));
        Assert.All(near, found => Assert.True(found.Typos <= 1));
    }

    [Fact]
    public void ArraysOthersLeftInThePool_DoNotMakeUpCandidates()
    {
        // The counts live in a pooled array: one that another caller filled must not count as shared pieces.
        var dirty = ArrayPool<int>.Shared.Rent(7);
        Array.Fill(dirty, 99);
        ArrayPool<int>.Shared.Return(dirty);

        Assert.Empty(Words.Near("zzzzzzz"));
        Assert.Equal("berghain", Assert.Single(Words.Near("berghian")).Word);
    }
}
