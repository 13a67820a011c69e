namespace Impala.Discovery.Web.Content;

/// <summary>How a fact's value is written in an article and checked by the parser.</summary>
public enum FactType
{
    Text,
    List,
    Year,
    Years,
    Number,
    Url,
    Country,
    Countries,

    /// <summary>A list of artists' names: each gets its own page listing every entry that names them.</summary>
    Artists,

    /// <summary>Addresses of the entry's official website and profiles elsewhere (Bandcamp, Spotify...), shown as buttons.</summary>
    Links,
}
