using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Data;

namespace Impala.Discovery.Web.Features.Api;

/// <summary>
/// The facts schemas of the kinds the store was imported with. The store keeps the kinds.yml text of its last import
/// (not the file on disk, which may be broken or newer), so the schema always matches the entries served.
/// </summary>
public static class StoredKinds
{
    // The text changes only at an import: parse it once per text, not once per request.
    private static (string Text, KindCatalog Catalog)? _last;

    public static async Task<KindCatalog> CatalogAsync(DiscoveryDbContext db, CancellationToken cancellationToken)
    {
        var text = (await ContentStore.ReadInfoAsync(db, cancellationToken))?.KindsText ?? "";
        if (_last is { } last && last.Text == text)
        {
            return last.Catalog;
        }

        var parsed = ContentFolder.ParseCatalog(text);
        var catalog = parsed.Succeeded ? parsed.Value!.Catalog : new KindCatalog([]);
        _last = (text, catalog);
        return catalog;
    }
}
