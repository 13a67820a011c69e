using Impala.Discovery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Shared;

public static class KindQueries
{
    /// <summary>Kinds that have entries, in the order of kinds.yml.</summary>
    public static Task<List<KindSummary>> KindSummariesAsync(this DiscoveryDbContext db, CancellationToken cancellationToken) =>
        db.Kinds.AsNoTracking()
            .Where(kind => db.Entries.Any(entry => entry.KindKey == kind.Key))
            .OrderBy(kind => kind.Position)
            .Select(kind => new KindSummary(kind.Key, kind.Singular, kind.Plural, kind.Colour, kind.Intro, kind.HasCountry,
                db.Entries.Count(entry => entry.KindKey == kind.Key)))
            .ToListAsync(cancellationToken);
}
