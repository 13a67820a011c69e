using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Addresses;

namespace Impala.Discovery.Web.Data;

/// <summary>One entry of an article: a label, a venue, an association, a milestone...</summary>
public sealed class Entry
{
    public int Id { get; set; }

    public int ArticleId { get; set; }

    public Article Article { get; set; } = null!;

    public required string KindKey { get; set; }

    public Kind Kind { get; set; } = null!;

    public required string Slug { get; set; }

    public required string Name { get; set; }

    /// <summary>The name's <see cref="NameOrder"/> key: kind indexes page in this order.</summary>
    public byte[] SortKey { get; set; } = [];

    /// <summary>The entry's place in its article, from 1.</summary>
    public int Rank { get; set; }

    /// <summary>The value of the kind's year fact, for timelines and decades.</summary>
    public int? Year { get; set; }

    /// <summary>The year as written for people: "1990", or "c. 2000" when it is approximate.</summary>
    public string? YearLabel { get; set; }

    /// <summary>What cards show under the name, built at import from the facts its kind names in kinds.yml ("London, United Kingdom · 1990").</summary>
    public required string Caption { get; set; }

    /// <summary>The caption in parts, each fact value with the page it leads to (see <see cref="CaptionPart"/>).</summary>
    public List<CaptionPart> CaptionParts { get; set; } = [];

    /// <summary>What the entry's page says of itself in a line, worked out at import (see <see cref="Content.Description"/>).</summary>
    public required string Description { get; set; }

    public required string BodyHtml { get; set; }

    public List<EntryFact> Facts { get; set; } = [];

    public List<EntryCountry> Countries { get; set; } = [];

    /// <summary>The values of the facts pages find entries by, one row each (see <see cref="EntryFactValue"/>).</summary>
    public List<EntryFactValue> FactValues { get; set; } = [];

    public List<EntryArtist> Artists { get; set; } = [];

    public List<EntryAlias> Aliases { get; set; } = [];

    public List<EntryLink> Links { get; set; } = [];

    /// <summary>The editor's picture, if one was given; the generated artwork stands in otherwise.</summary>
    public Picture? Picture { get; set; }

    public string Path => SitePaths.Entry(KindKey, Slug);
}
