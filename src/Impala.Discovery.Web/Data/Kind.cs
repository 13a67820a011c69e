using Impala.Discovery.Web.Content;
namespace Impala.Discovery.Web.Data;

/// <summary>A kind of entry as the views need it, copied from <c>content/kinds.yml</c> at import.</summary>
public sealed class Kind
{
    public required string Key { get; set; }

    public required string Singular { get; set; }

    public required string Plural { get; set; }

    public required string Colour { get; set; }

    public required string Intro { get; set; }

    public int Position { get; set; }

    /// <summary>Entries of this kind have countries: it gets country pages and the map.</summary>
    public bool HasCountry { get; set; }

    /// <summary>The name of the year fact that orders this kind on a timeline, if it has one.</summary>
    public string? YearFactKey { get; set; }

    /// <summary>The kind's facts schema, in its order: what the API describes each fact as.</summary>
    public List<FactDefinition> Facts { get; set; } = [];

    /// <summary>Its entries are members ('members: true'): their pages offer the link kit.</summary>
    public bool Members { get; set; }

    /// <summary>What the artists its entries name are in JSON-LD ('artist_type'), if the kind says.</summary>
    public string? ArtistType { get; set; }

    public List<Entry> Entries { get; set; } = [];

    /// <summary>The picture at the top of its index page, from kinds.yml.</summary>
    public Picture? Picture { get; set; }
}
