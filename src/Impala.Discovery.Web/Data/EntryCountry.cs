namespace Impala.Discovery.Web.Data;

/// <summary>A country an entry belongs to; an association covering several territories has several.</summary>
public sealed class EntryCountry
{
    public int EntryId { get; set; }

    public Entry Entry { get; set; } = null!;

    public required string CountrySlug { get; set; }

    public required string CountryName { get; set; }

    /// <summary>The country's place in the entry's facts, so that captions list them as the editor did.</summary>
    public int Position { get; set; }
}
