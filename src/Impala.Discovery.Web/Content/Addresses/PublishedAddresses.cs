namespace Impala.Discovery.Web.Content.Addresses;

/// <summary>
/// Every address a content folder makes the site answer, as a new site would serve it: the pages of published
/// entries, articles, kinds, countries and artists, their aliases, and the removal records. Comparing two folders'
/// sets tells which addresses a change would drop (<see cref="AddressCheck"/>).
/// </summary>
public static class PublishedAddresses
{
    public static Dictionary<string, PublishedAddress> Of(ContentEvaluation evaluation)
    {
        var addresses = new Dictionary<string, PublishedAddress>(StringComparer.Ordinal);
        if (evaluation.Plan is not { } plan)
        {
            return addresses;
        }

        // A kind has a page once it has a published entry, as on the site: counted for every kind in kinds.yml, a kind page
        // that went with its only article (made a draft, deleted) went without a word from check (found by replay 7).
        var kindsWithEntries = plan.Write.Select(file => file.Article!).Where(article => article.Entries.Count > 0)
            .Select(article => plan.Kinds.Find(article.Kind)?.Key).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var kind in plan.Kinds.Kinds.Where(kind => kindsWithEntries.Contains(kind.Key)))
        {
            addresses.TryAdd(SitePaths.Kind(kind.Key), new(SitePaths.Kind(kind.Key), ContentFolder.KindsFileName, 1));
        }

        // On a new site every accepted, due article is written.
        foreach (var article in plan.Write.Select(file => file.Article!))
        {
            var articlePath = SitePaths.Article(article.Slug);
            addresses.TryAdd(articlePath, new(articlePath, article.File, 1));
            foreach (var alias in article.Aliases)
            {
                addresses.TryAdd(SitePaths.Article(alias), new(SitePaths.Article(alias), article.File, 1) { RedirectsTo = articlePath });
            }

            foreach (var entry in article.Entries)
            {
                var path = SitePaths.Entry(article.Kind, entry.Slug);
                addresses.TryAdd(path, new(path, article.File, entry.Line) { EntryKind = article.Kind, EntryName = entry.Name, EntryRank = entry.Rank });
                foreach (var alias in entry.Aliases)
                {
                    var aliasPath = SitePaths.Entry(article.Kind, alias);
                    addresses.TryAdd(aliasPath, new(aliasPath, article.File, entry.Line) { RedirectsTo = path });
                }

                var pages = entry.Countries.Select(country => SitePaths.Country(country.Slug))
                    .Concat(entry.Facts.Where(fact => fact.Definition.Type is FactType.Artists)
                        .SelectMany(fact => fact.Values).Select(Slug.From).Where(slug => slug.Length > 0).Select(SitePaths.Artist));
                foreach (var page in pages)
                {
                    addresses.TryAdd(page, new(page, article.File, entry.Line));
                }
            }
        }

        foreach (var record in evaluation.Removals.Records)
        {
            addresses.TryAdd(record.Path, new(record.Path, RemovalRecords.FileName, record.Line) { Gone = true });
        }

        return addresses;
    }
}
