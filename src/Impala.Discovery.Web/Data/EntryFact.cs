using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Web.Data;

/// <summary>One fact of an entry, in the order of its kind's schema.</summary>
public sealed class EntryFact
{
    public int Id { get; set; }

    public int EntryId { get; set; }

    public int Position { get; set; }

    public required string Key { get; set; }

    public FactType Type { get; set; }

    public List<string> Values { get; set; } = [];

    /// <summary>The values as numbers, read at import (see <see cref="FactValueParser.Numbers"/>): years, or a number's low and high ends.</summary>
    public List<long> Numbers { get; set; } = [];

    /// <summary>A year or years fact written "c. 2000".</summary>
    public bool Approximate { get; set; }

    /// <summary>The entry's caption says all of this fact, so its page leaves it out of the facts box.</summary>
    public bool InCaption { get; set; }
}
