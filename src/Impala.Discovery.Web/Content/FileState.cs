namespace Impala.Discovery.Web.Content;

/// <summary>What became of one article file in an import.</summary>
public enum FileState
{
    /// <summary>Shown on the site.</summary>
    Published,

    /// <summary>Not imported because of errors; an earlier version may still be shown.</summary>
    Refused,

    /// <summary>Checked, marked <c>draft: true</c>, not shown.</summary>
    Draft,

    /// <summary>Checked, dated in the future, shown from its day on.</summary>
    Scheduled,
}
