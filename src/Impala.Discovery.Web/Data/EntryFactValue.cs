using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Features.Entries;

namespace Impala.Discovery.Web.Data;

/// <summary>
/// One value of a fact that pages find entries by (a city, a genre), in a row of its own under an index. Found in the
/// facts' lists, each such search read the list of every entry's fact: two of them took 20 of the 50-70 ms an entry's
/// page took to render at 10,000 entries, and the time an edit takes to show with it.
/// </summary>
public sealed class EntryFactValue
{
    /// <summary>The facts whose values have rows here.</summary>
    public static readonly IReadOnlySet<string> Keys = new HashSet<string>(StringComparer.Ordinal) { RelatedEntries.CityFactKey, FactText.GenresKey };

    public int EntryId { get; set; }

    public Entry Entry { get; set; } = null!;

    public required string Key { get; set; }

    public required string Value { get; set; }

    /// <summary>
    /// The value's slug, made once here: what a genre chip, its link and its count, and the related entries match on,
    /// so that "Hip hop" and "hip-hop" are one genre everywhere (before, each page slugged the values it read).
    /// </summary>
    public required string Slug { get; set; }
}
