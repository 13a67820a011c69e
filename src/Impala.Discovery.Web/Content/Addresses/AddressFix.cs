namespace Impala.Discovery.Web.Content.Addresses;

/// <summary>
/// What <c>check --fix</c> writes for one dropped address: in <paramref name="File"/> (relative to the content
/// folder), for the entry whose heading is on <paramref name="Line"/>, the alias <paramref name="Value"/>; or the
/// removal record of the path <paramref name="Value"/>.
/// </summary>
public sealed record AddressFix(AddressFixKind Kind, string File, int Line, string Value);
