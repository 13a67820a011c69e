namespace Impala.Discovery.Web.Data;

/// <summary>A link from an entry's prose to another page of the site, kept so that a page can list what mentions it.</summary>
public sealed class EntryLink
{
    public int Id { get; set; }

    public int EntryId { get; set; }

    public Entry Entry { get; set; } = null!;

    public required string TargetPath { get; set; }
}
