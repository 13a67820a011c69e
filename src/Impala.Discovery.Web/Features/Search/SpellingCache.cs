using Impala.Discovery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Search;

/// <summary>
/// The spelling index of the content the store serves, built from the words the import wrote the first time a search
/// needs it after an import, and kept until the content changes: searches never read the word list themselves.
/// </summary>
public sealed class SpellingCache
{
    private Built? _current;

    public async Task<SpellingIndex> CurrentAsync(DiscoveryDbContext db, CancellationToken cancellationToken)
    {
        // The version first: words read after it are at least as new, so a list is never kept under a newer version than its own.
        var version = await db.StoreInfo.AsNoTracking().OrderBy(info => info.Id).Select(info => info.ContentVersion).FirstOrDefaultAsync(cancellationToken);
        if (Volatile.Read(ref _current) is { } known && known.Version == version)
        {
            return known.Index;
        }

        // Two searches that meet a new version at once may both build it: the list is small, and either result is right.
        var built = new Built(version, SpellingIndex.Build(await SearchIndex.SpellingWordsAsync(db, cancellationToken)));
        Volatile.Write(ref _current, built);
        return built.Index;
    }

    private sealed record Built(string? Version, SpellingIndex Index);
}
