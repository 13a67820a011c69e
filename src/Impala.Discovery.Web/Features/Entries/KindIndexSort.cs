namespace Impala.Discovery.Web.Features.Entries;

/// <summary>The orders a kind's index offers; the query value is the lower-case name (<c>?sort=year</c>).</summary>
public enum KindIndexSort
{
    /// <summary>By name as people read it (see <see cref="Data.NameOrder"/>).</summary>
    Name,

    /// <summary>Oldest first; entries without a year last.</summary>
    Year,
}
