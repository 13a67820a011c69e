namespace Impala.Discovery.Web.Features.Shared;

/// <summary>A fact ready to show: its label and its values, each with a link where one makes sense.</summary>
public sealed record FactView(string Key, IReadOnlyList<FactValueView> Values);
