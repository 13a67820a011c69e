namespace Impala.Discovery.Web.Content;

/// <summary>The catalogue of kinds in use and the kinds.yml text it came from (part of every article's fingerprint).</summary>
public sealed record KindsSource(string Text, KindCatalog Catalog);
