using SkiaSharp;

namespace Impala.Discovery.Web.Features.Cards;

/// <summary>What a social card says about its page, beside the page's artwork.</summary>
/// <param name="Badge">The pill at the top: the kind ("Label") or what the page is ("Country").</param>
/// <param name="Colour">The badge's colour: the kind's, or the site's accent.</param>
/// <param name="Title">The page's own title, set large.</param>
/// <param name="Caption">The line under it: city · country · year for an entry, the summary for an article.</param>
/// <param name="Context">Where the page belongs: the article an entry is part of, an article's date.</param>
public sealed record CardText(string Badge, SKColor Colour, string Title, string Caption, string Context);
