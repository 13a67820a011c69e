using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Pictures;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Embeds;

/// <summary>
/// The pages other sites may embed: every entry and every published article. An address the page left (a former slug,
/// a recorded move) finds the page it now is, as the page's own address redirects, so a member's old link still embeds.
/// </summary>
public static class EmbeddablePages
{
    public static Task<EmbedCard?> EntryAsync(DiscoveryDbContext db, string kind, string slug, CancellationToken cancellationToken) =>
        db.Entries.AsNoTracking()
            .Where(entry => entry.KindKey == kind && entry.Slug == slug)
            .Select(entry => new EmbedCard(entry.Name, entry.KindKey, entry.Kind.Singular, entry.Caption, SitePaths.Entry(entry.KindKey, entry.Slug),
                entry.Picture == null ? null : new PictureView(entry.Picture.Hash, entry.Picture.Width, entry.Picture.Height, entry.Picture.Alt, entry.Picture.Credit)))
            .FirstOrDefaultAsync(cancellationToken);

    public static Task<EmbedCard?> ArticleAsync(DiscoveryDbContext db, string slug, CancellationToken cancellationToken) =>
        db.Articles.AsNoTracking()
            .Where(article => article.Slug == slug)
            // How many of what, and when: the summary would not fit a card that small. The cover shows its entries, so
            // an article's card shows the cover rather than the article's own picture.
            .Select(article => new EmbedCard(article.Title, article.KindKey, "Article", Caption(article.Entries.Count, article.Kind.Plural, article.Published), SitePaths.Article(article.Slug), null))
            .FirstOrDefaultAsync(cancellationToken);

    private static string Caption(int entries, string kindPlural, DateOnly published) =>
        $"{entries} {kindPlural.ToLowerInvariant()} \u00b7 {Formatting.Date(published)}";

    /// <summary>The card of a page path of this site ("/labels/ninja-tune", "/series/record-labels/"), or null when it is no such page.</summary>
    public static Task<EmbedCard?> FromPathAsync(DiscoveryDbContext db, string path, CancellationToken cancellationToken) =>
        // Capitals and a trailing slash reach the same page in a browser (it is redirected), so they name it here too.
        PageAddress.FromPath(path.ToLowerInvariant().TrimEnd('/')) is { } page ? FindAsync(db, page, cancellationToken) : Task.FromResult<EmbedCard?>(null);

    /// <summary>The card of an entry or article page, or of the page its address now leads to (see <see cref="AddressHistory"/>).</summary>
    public static async Task<EmbedCard?> FindAsync(DiscoveryDbContext db, PageAddress page, CancellationToken cancellationToken) =>
        await AtAsync(db, page, cancellationToken)
        ?? (await db.FateAsync(page, cancellationToken) is { MovedTo: { } movedTo } && PageAddress.FromPath(movedTo) is { } now
            ? await AtAsync(db, now, cancellationToken)
            : null);

    private static Task<EmbedCard?> AtAsync(DiscoveryDbContext db, PageAddress page, CancellationToken cancellationToken) => page switch
    {
        { Type: PageType.Article, Slug: { } slug } => ArticleAsync(db, slug, cancellationToken),
        { Type: PageType.Entry, Kind: { } kind, Slug: { } slug } => EntryAsync(db, kind, slug, cancellationToken),
        _ => Task.FromResult<EmbedCard?>(null),
    };
}
