namespace Impala.Discovery.Web.Features.Artists;

/// <summary>How an artist's name is shown when entries spell it in more than one way.</summary>
public static class ArtistNames
{
    /// <summary>Entries may spell a name differently ("Mr Scruff", "Mr. Scruff"); pages and cards use the spelling most of them use.</summary>
    public static string MostCommon(IReadOnlyList<string> names) =>
        names.GroupBy(name => name, StringComparer.Ordinal).OrderByDescending(group => group.Count()).ThenBy(group => group.Key, StringComparer.Ordinal).First().Key;
}
