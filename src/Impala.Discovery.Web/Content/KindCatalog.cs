namespace Impala.Discovery.Web.Content;

/// <summary>Every kind declared in <c>content/kinds.yml</c>, in the order the file gives them.</summary>
public sealed class KindCatalog(IReadOnlyList<KindDefinition> kinds)
{
    public IReadOnlyList<KindDefinition> Kinds { get; } = kinds;

    public KindDefinition? Find(string key) =>
        Kinds.FirstOrDefault(kind => string.Equals(kind.Key, key, StringComparison.OrdinalIgnoreCase));
}
