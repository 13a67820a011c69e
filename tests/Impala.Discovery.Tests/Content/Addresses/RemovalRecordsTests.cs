using Impala.Discovery.Web.Content.Addresses;

namespace Impala.Discovery.Tests.Content.Addresses;

/// <summary>content/removed.yml as editors write it: the record of addresses taken off the site.</summary>
public sealed class RemovalRecordsTests
{
    [Fact]
    public void Parse_TheGuidesExample_GivesEachPathWithItsReasonAndLine()
    {
        var result = RemovalRecords.Parse("""
            # Addresses taken off the site for good.
            removed:
              - path: /labels/warp
                reason: "Warp asked to leave the series in December 2026."
              - path: /series/music-venues
                reason: This article was withdrawn.
            """);

        Assert.True(result.Succeeded);
        Assert.Equal(
            [new RemovalRecord("/labels/warp", "Warp asked to leave the series in December 2026.", 3), new RemovalRecord("/series/music-venues", "This article was withdrawn.", 5)],
            result.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing removed yet\n")]
    [InlineData("removed:\n")]
    [InlineData("removed: []\n")]
    public void Parse_NothingRecorded_IsNoRecords(string yaml)
    {
        var result = RemovalRecords.Parse(yaml);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Value!);
    }

    [Theory]
    [InlineData("removed:\n  - path: https://example.org/labels/warp\n    reason: Gone.\n", 2, "'path' must be an address of this site")]
    [InlineData("removed:\n  - path: /Labels/Warp\n    reason: Gone.\n", 2, "'path' must be an address of this site")]
    [InlineData("removed:\n  - path: /labels/warp\n", 2, "needs a 'reason:'")]
    [InlineData("removed:\n  - path: /labels/warp\n    reason: Gone.\n  - path: /labels/warp\n    reason: Again.\n", 4, "is recorded twice (line 2 too)")]
    [InlineData("removed:\n  - path: /labels/warp\n    reasn: Gone.\n", 3, "Unknown key 'reasn'")]
    [InlineData("removed: /labels/warp\n", 1, "'removed:' is a list of records")]
    [InlineData("removed:\n  - path: [/labels/warp\n", 2, "is never closed")]
    // Not an 'aliases:' example, which this file has no use for (found by replay 7).
    [InlineData("removed:\n  - path: [/labels/warp\n", 2, "Close it, such as [first, second], or put the value in double quotes")]
    public void Parse_Mistake_IsAnErrorAtItsLineWithTheFix(string yaml, int line, string message)
    {
        var result = RemovalRecords.Parse(yaml);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, error => (error.File, error.Line) == (RemovalRecords.FileName, line) && error.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_UnclosedBrackets_SaysWhichWithoutDotNetsWords()
    {
        // Found by sweep 8: YamlDotNet throws .NET's "Operation is not valid due to the current state of the object." here.
        var result = RemovalRecords.Parse("removed:\n  - address: [/labels/x\n  reason: {\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, 14), (error.Line, error.Column));
        Assert.EndsWith("if the '[' is part of the text.", error.Message);
        Assert.DoesNotContain("Operation is not valid", error.Message);
    }

    [Fact]
    public void Parse_ReasonTooLong_SaysTheLimit()
    {
        var result = RemovalRecords.Parse($"removed:\n  - path: /labels/warp\n    reason: {new string('a', 301)}\n");

        Assert.Contains("keep it under 300", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void RecordLines_ParseBackToTheSameRecord()
    {
        var result = RemovalRecords.Parse("removed:\n" + RemovalRecords.RecordLines("/artists/amon-tobin", "He said \"no\" \\ twice."));

        Assert.Equal("He said \"no\" \\ twice.", Assert.Single(result.Value!).Reason);
    }
}
