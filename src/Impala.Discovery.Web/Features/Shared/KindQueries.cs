using Impala.Discovery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Shared;

public static class KindQueries
{
    /// <summary>Kinds that have entries, in the order of kinds.yml.</summary>
    public static Task<List<KindSummary>> KindSummariesAsync(this DiscoveryDbContext db, CancellationToken cancellationToken) =>
        db.Kinds.AsNoTracking()
            .Where(kind => kind.Entries.Any())
            .OrderBy(kind => kind.Position)
            .Select(kind => new KindSummary(kind.Key, kind.Singular, kind.Plural, kind.Colour, kind.Intro, kind.HasCountry,
                kind.Entries.Count))
            .ToListAsync(cancellationToken);
}
