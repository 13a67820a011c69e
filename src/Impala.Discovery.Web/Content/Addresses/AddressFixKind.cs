namespace Impala.Discovery.Web.Content.Addresses;

/// <summary>The line that keeps a dropped address answering.</summary>
public enum AddressFixKind
{
    /// <summary>'- **Aliases:** old-slug' in the facts of the entry that took the address's place.</summary>
    EntryAlias,

    /// <summary>'aliases: [old-slug]' in the front matter of the article that took the address's place.</summary>
    ArticleAlias,

    /// <summary>A record in removed.yml: the address answers 410 Gone.</summary>
    Removal,
}
