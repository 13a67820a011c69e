using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Health;

/// <summary>
/// The store's content version as this instance's own last import left it. A store found at another version was written
/// by another process on the same SQLite file: two instances given one store (README says never; a rolling deploy set
/// up wrong does it), each importing its own content folder over the other's. This instance then serves that other
/// content, and nothing of its own brings it back until its folder changes: health must say so (issue 21's sweep).
/// </summary>
public sealed class OwnStoreVersion
{
    private readonly IDbContextFactory<DiscoveryDbContext> _dbFactory;
    private (ImportReport Report, string? Version)? _last;

    public OwnStoreVersion(ContentImporter importer, IDbContextFactory<DiscoveryDbContext> dbFactory)
    {
        _dbFactory = dbFactory;
        importer.Imported += RememberAsync;
    }

    /// <summary>
    /// When the store holds a version this instance did not write after the import that <paramref name="current"/>
    /// reports, that import's end; else null. Not judged while that import's own handlers have not run yet.
    /// </summary>
    public async Task<DateTimeOffset?> OverwrittenSinceAsync(ImportReport? current, CancellationToken cancellationToken)
    {
        if (_last is not { } last || !ReferenceEquals(last.Report, current) || last.Version is null)
        {
            return null;
        }

        var version = await ReadVersionAsync(cancellationToken);
        return version is not null && version != last.Version ? last.Report.FinishedAt : null;
    }

    private async Task RememberAsync(ImportReport report, CancellationToken cancellationToken) =>
        _last = (report, await ReadVersionAsync(cancellationToken));

    private async Task<string?> ReadVersionAsync(CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        return (await ContentStore.ReadInfoAsync(db, cancellationToken))?.ContentVersion;
    }
}
