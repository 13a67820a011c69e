namespace Impala.Discovery.Web.Content.Addresses;

/// <summary>removed.yml as read: its records and the text they came from (part of the content's version).</summary>
public sealed record RemovalsSource(string Text, IReadOnlyList<RemovalRecord> Records)
{
    public static readonly RemovalsSource None = new("", []);
}
