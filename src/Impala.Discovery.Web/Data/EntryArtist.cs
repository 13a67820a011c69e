namespace Impala.Discovery.Web.Data;

/// <summary>An artist an entry names (a label's roster, say): the artist's page lists every entry that names them.</summary>
public sealed class EntryArtist
{
    public int EntryId { get; set; }

    public Entry Entry { get; set; } = null!;

    public required string ArtistSlug { get; set; }

    /// <summary>The name as this entry writes it; the artist's page shows the most common spelling.</summary>
    public required string ArtistName { get; set; }

    /// <summary>The artist's place in the entry's facts.</summary>
    public int Position { get; set; }
}
