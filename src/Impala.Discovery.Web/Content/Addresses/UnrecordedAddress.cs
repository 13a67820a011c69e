namespace Impala.Discovery.Web.Content.Addresses;

/// <summary>
/// An address this instance's store still answers (a redirect, or 410 when <paramref name="MovedTo"/> is null) that
/// the content does not account for: a new instance would answer 404. <paramref name="LineToAdd"/> makes it permanent.
/// </summary>
public sealed record UnrecordedAddress(string Path, string? MovedTo, string LineToAdd);
