using System.Text.Json.Nodes;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Features.Series;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.StructuredData;

/// <summary>A monthly article as a schema.org Article written and published by IMPALA, and the entries it presents as an ItemList.</summary>
public static class ArticleJsonLd
{
    public static JsonObject Article(HttpContext http, ArticleViewModel page)
    {
        var article = page.Article;
        var url = JsonLd.Url(http, article.Path);
        return JsonLd.Document("Article",
            ("headline", article.Title),
            ("description", article.Summary),
            ("datePublished", article.Published.ToString("yyyy-MM-dd", Formatting.Culture)),
            ("author", JsonLd.Impala()),
            ("publisher", JsonLd.Impala()),
            // The editor's picture when there is one, else the social card drawn for the page.
            ("image", JsonLd.Url(http, page.Picture?.LargestJpeg ?? SitePaths.SocialCard(article.Path))),
            ("url", url),
            ("mainEntityOfPage", url),
            ("about", article.KindPlural));
    }

    public static JsonObject Entries(HttpContext http, ArticleViewModel page) =>
        JsonLd.ItemList(http, page.Article.Title, page.Entries.Select(entry => (entry.Card.Name, entry.Card.Path)));
}
