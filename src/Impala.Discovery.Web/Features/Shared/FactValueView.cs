namespace Impala.Discovery.Web.Features.Shared;

/// <summary>One shown value of a fact; <see cref="Href"/> is set for countries and web addresses.</summary>
public sealed record FactValueView(string Text, string? Href = null);
