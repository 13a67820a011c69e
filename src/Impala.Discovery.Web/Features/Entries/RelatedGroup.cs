using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Entries;

/// <summary>
/// One group of "related" entries on an entry's page, such as "Also in London". <paramref name="By"/> says what they
/// share with the entry: city, country or genre (the API names the group by it).
/// </summary>
public sealed record RelatedGroup(string By, string Heading, IReadOnlyList<EntryCard> Entries)
{
    public const string City = "city";
    public const string Country = "country";
    public const string Genre = "genre";

    /// <summary>The group's id on the page, such as related-city.</summary>
    public string Id => "related-" + By;
}
