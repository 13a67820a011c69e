using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Shared;

/// <summary>
/// The one lookup of an address that shows no page now, for the page, its API answer and its embed alike: an entry's
/// or an article's former slug (its aliases) leads to where it is, a recorded former address to its new place or to
/// its removal, and anything else was never a page (null).
/// </summary>
public static class AddressHistory
{
    public static async Task<PageFate?> FateAsync(this DiscoveryDbContext db, PageAddress page, CancellationToken cancellationToken)
    {
        var renamed = page switch
        {
            { Type: PageType.Entry, Kind: { } kind, Slug: { } slug } => await db.EntryAliases.AsNoTracking()
                .Where(alias => alias.KindKey == kind && alias.Slug == slug)
                .Select(alias => alias.Entry.Slug).FirstOrDefaultAsync(cancellationToken) is { } now ? SitePaths.Entry(kind, now) : null,
            { Type: PageType.Article, Slug: { } slug } => await db.Articles.AsNoTracking()
                .Where(article => article.Aliases.Contains(slug))
                .Select(article => article.Slug).FirstOrDefaultAsync(cancellationToken) is { } now ? SitePaths.Article(now) : null,
            _ => null,
        };
        if (renamed is not null)
        {
            return new(renamed, null);
        }

        var path = page.Path;
        var former = await db.FormerAddresses.AsNoTracking().FirstOrDefaultAsync(f => f.Path == path, cancellationToken);
        return former is null ? null : new(former.MovedTo, former.MovedTo is null ? former.Reason : null);
    }
}
