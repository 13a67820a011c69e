namespace Impala.Discovery.BrowserTests;

/// <summary>A link on a page of the site whose target did not answer 200 (directly or after one or more 301s).</summary>
public sealed record BrokenLink(string From, string Target, string Outcome)
{
    public override string ToString() => $"{Target} (linked from {From}): {Outcome}";
}
