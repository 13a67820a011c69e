using Impala.Discovery.Web.Content.Addresses;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Tests.Fuzzing;

/// <summary>
/// What a store serves, address by address, as a visitor would tell two sites apart: each article and entry (an entry
/// with its facts), each artist page, each redirect the content records (an Aliases line, an article's aliases), each
/// address removed.yml records, and each kind with its facts. The addresses a store remembers by itself ("on this site
/// only": a 301 or 410 the content does not record) are left out: they are allowed to differ (content/README.md).
/// </summary>
public sealed class ServedSnapshot(SortedDictionary<string, string> served)
{
    public IReadOnlyDictionary<string, string> Served => served;

    public static async Task<ServedSnapshot> ReadAsync(ImportHarness harness)
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var db = harness.CreateDbContext();
        var served = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var kind in await db.Kinds.AsNoTracking().ToListAsync(cancel))
        {
            served[$"kind {kind.Key}"] = string.Join(", ", kind.Facts.Select(fact => $"{fact.Key} {fact.Type}{(fact.Required ? " required" : "")}"));
        }

        foreach (var article in await db.Articles.AsNoTracking().ToListAsync(cancel))
        {
            served[SitePaths.Article(article.Slug)] = $"article '{article.Title}' ({article.KindKey}, {article.Published:yyyy-MM-dd})";
            foreach (var alias in article.Aliases)
            {
                served[SitePaths.Article(alias)] = $"301 to {SitePaths.Article(article.Slug)} (article alias)";
            }
        }

        var entries = await db.Entries.AsNoTracking().Include(entry => entry.Article).Include(entry => entry.Facts).Include(entry => entry.Aliases)
            .Include(entry => entry.Artists).AsSplitQuery().ToListAsync(cancel);
        foreach (var entry in entries)
        {
            var facts = entry.Facts.OrderBy(fact => fact.Position).Select(fact => $"{fact.Key} ({fact.Type}): {string.Join(" | ", fact.Values)}");
            served[entry.Path] = $"'{entry.Name}' of {SitePaths.Article(entry.Article.Slug)}; {string.Join("; ", facts)}";
            foreach (var alias in entry.Aliases)
            {
                served[SitePaths.Entry(alias.KindKey, alias.Slug)] = $"301 to {entry.Path} (Aliases line)";
            }
        }

        foreach (var artist in entries.SelectMany(entry => entry.Artists.Select(artist => (artist.ArtistSlug, entry.Path))).GroupBy(pair => pair.ArtistSlug))
        {
            served[SitePaths.Artist(artist.Key)] = "artist of " + string.Join(", ", artist.Select(pair => pair.Path).Order(StringComparer.Ordinal));
        }

        foreach (var former in await db.FormerAddresses.AsNoTracking().Where(former => former.FromContent).ToListAsync(cancel))
        {
            served.TryAdd(former.Path, former.MovedTo is null ? $"410 ({former.Reason})" : $"301 to {former.MovedTo} (recorded)");
        }

        return new(served);
    }

    /// <summary>Each address the two serve differently, with what each serves there.</summary>
    public static IReadOnlyList<string> Differences(ServedSnapshot one, string oneName, ServedSnapshot other, string otherName) =>
        one.Served.Keys.Union(other.Served.Keys).Order(StringComparer.Ordinal)
            .Where(address => one.Served.GetValueOrDefault(address) != other.Served.GetValueOrDefault(address))
            .Select(address => $"{address}: {oneName} serves {one.Served.GetValueOrDefault(address) ?? "nothing"}; "
                + $"{otherName} serves {other.Served.GetValueOrDefault(address) ?? "nothing"}")
            .ToList();
}
