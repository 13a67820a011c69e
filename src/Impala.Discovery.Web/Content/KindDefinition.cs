using Impala.Discovery.Web.Content.Pictures;

namespace Impala.Discovery.Web.Content;

/// <summary>A kind of entry (labels, venues, ...) with its facts schema, as declared in <c>content/kinds.yml</c>.</summary>
public sealed record KindDefinition(
    string Key,
    string Singular,
    string Plural,
    string Colour,
    string Intro,
    IReadOnlyList<FactDefinition> Facts)
{
    /// <summary>The facts a card's caption shows, as declared with 'caption:' in kinds.yml (empty when not declared).</summary>
    public IReadOnlyList<FactDefinition> CaptionFacts { get; init; } = [];

    /// <summary>The picture at the top of the kind's index page, as declared with 'image:' in kinds.yml.</summary>
    public PictureReference? Picture { get; init; }

    /// <summary>
    /// Whether the kind's entries are members (labels, venues, associations) who link to their page from their own
    /// sites, as declared with 'members: true' in kinds.yml: their pages offer the link kit (badge and embed).
    /// </summary>
    public bool Members { get; init; }

    /// <summary>
    /// What the artists this kind's entries name are, in schema.org's words ('artist_type: MusicGroup' or 'Person' in
    /// kinds.yml; null when not declared): artist pages describe them so in their JSON-LD.
    /// </summary>
    public string? ArtistType { get; init; }

    /// <summary>The values 'artist_type' accepts: MusicGroup (a band, or a solo musician) and Person.</summary>
    public static readonly IReadOnlyList<string> ArtistTypes = ["MusicGroup", "Person"];

    /// <summary>What a caption shows: the declared facts, or else the kind's countries and its year.</summary>
    public IReadOnlyList<FactDefinition> Caption => CaptionFacts.Count > 0
        ? CaptionFacts
        : Facts.Where(fact => fact.Type is FactType.Country or FactType.Countries).Concat(YearFact is { } year ? [year] : []).ToList();

    public FactDefinition? FindFact(string key) =>
        Facts.FirstOrDefault(fact => string.Equals(fact.Key, key, StringComparison.OrdinalIgnoreCase));

    public bool HasCountry => Facts.Any(fact => fact.Type is FactType.Country or FactType.Countries);

    /// <summary>The first year fact orders the kind on a timeline and files it under a decade.</summary>
    public FactDefinition? YearFact => Facts.FirstOrDefault(fact => fact.Type == FactType.Year);
}
