namespace Impala.Discovery.Web.Content;

/// <summary>What the store holds of an article already: enough to keep serving it, and to check links against it.</summary>
public sealed record StoredArticle(string File, string Slug, string Hash, IReadOnlyList<string> EntryPaths, IReadOnlyList<string> CountrySlugs);
