namespace Impala.Discovery.Web.Features.Embeds;

/// <summary>An embed page: the card, in the theme the member chose.</summary>
public sealed record EmbedView(EmbedCard Card, EmbedTheme Theme)
{
    /// <summary>How wide the artwork shows (see .embed-card in site.css): at most about 11rem in the largest frame.</summary>
    public const string ArtSizes = "11rem";
}
