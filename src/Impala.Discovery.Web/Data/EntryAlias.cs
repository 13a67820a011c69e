namespace Impala.Discovery.Web.Data;

/// <summary>A former address of an entry, answered with a permanent redirect so that old links keep working.</summary>
public sealed class EntryAlias
{
    public int Id { get; set; }

    public int EntryId { get; set; }

    public Entry Entry { get; set; } = null!;

    public required string KindKey { get; set; }

    public required string Slug { get; set; }
}
