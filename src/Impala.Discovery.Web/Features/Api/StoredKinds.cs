using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Data;

namespace Impala.Discovery.Web.Features.Api;

/// <summary>
/// The facts schemas of the kinds the store was imported with. The store keeps the kinds.yml text of its last import
/// (not the file on disk, which may be broken or newer), so the schema always matches the entries served.
/// </summary>
public static class StoredKinds
{
    // The text changes only at an import: parse it once per text, not once per request. One reference, swapped whole,
    // so concurrent requests never see one text with another's catalogue.
    private static KindsSource? _last;

    public static async Task<KindCatalog> CatalogAsync(DiscoveryDbContext db, CancellationToken cancellationToken)
    {
        var text = (await ContentStore.ReadInfoAsync(db, cancellationToken))?.KindsText ?? "";
        if (Volatile.Read(ref _last) is { } last && last.Text == text)
        {
            return last.Catalog;
        }

        var parsed = ContentFolder.ParseCatalog(text);
        var source = new KindsSource(text, parsed.Succeeded ? parsed.Value!.Catalog : new KindCatalog([]));
        Volatile.Write(ref _last, source);
        return source.Catalog;
    }
}
