using SkiaSharp;

namespace Impala.Discovery.Web.Features.Cards;

/// <summary>A filled outline: SVG path data (see <see cref="PathData"/>) and its colour, alpha included.</summary>
public sealed record DrawingShape(string PathData, SKColor Colour);
