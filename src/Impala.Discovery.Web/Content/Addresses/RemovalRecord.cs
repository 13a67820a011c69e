namespace Impala.Discovery.Web.Content.Addresses;

/// <summary>
/// An address taken off the site for good, as <c>content/removed.yml</c> records it: it answers 410 Gone with
/// <paramref name="Reason"/> on every instance, whatever its store saw. <paramref name="Line"/> is where it is written.
/// </summary>
public sealed record RemovalRecord(string Path, string Reason, int Line);
