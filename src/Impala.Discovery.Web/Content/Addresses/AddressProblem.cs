namespace Impala.Discovery.Web.Content.Addresses;

/// <summary>A published address the working content would drop: the error at the changed place, and the line that fixes it.</summary>
public sealed record AddressProblem(ContentError Error, AddressFix Fix);
