using SkiaSharp;

namespace Impala.Discovery.Web.Features.Cards;

/// <summary>A line of text as an outline on the baseline at the origin, with its advance width.</summary>
public sealed record TextLine(SKPath Path, float Width);
