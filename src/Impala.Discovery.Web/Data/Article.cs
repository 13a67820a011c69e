namespace Impala.Discovery.Web.Data;

/// <summary>One published monthly article of the series.</summary>
public sealed class Article
{
    public int Id { get; set; }

    /// <summary>The content file it came from, relative to the content folder: the key an import replaces.</summary>
    public required string SourceFile { get; set; }

    /// <summary>A fingerprint of the file and the kinds it was checked against, so unchanged files are not imported again.</summary>
    public required string ContentHash { get; set; }

    /// <summary>
    /// The hash of the rows this article was written as (see <see cref="RowsHash"/>): a build that would write the same
    /// rows leaves them as they are rather than writing them again. Null in rows written before it was kept.
    /// </summary>
    public string? RowsHash { get; set; }

    public required string Slug { get; set; }

    public required string Title { get; set; }

    public required string KindKey { get; set; }

    public Kind Kind { get; set; } = null!;

    public DateOnly Published { get; set; }

    public required string Summary { get; set; }

    public required string IntroHtml { get; set; }

    /// <summary>Former slugs of the article (its file was renamed); they redirect to the current address.</summary>
    public List<string> Aliases { get; set; } = [];

    /// <summary>
    /// The pages of this site its text links to. A refused file's last good version stays online with its links, so a
    /// change elsewhere must not take them off the site (see <see cref="Content.Addresses.LinkedAddressGuard"/>).
    /// </summary>
    public List<string> LinkPaths { get; set; } = [];

    public List<Entry> Entries { get; set; } = [];

    /// <summary>The editor's picture, if one was given; the generated artwork stands in otherwise.</summary>
    public Picture? Picture { get; set; }
}
