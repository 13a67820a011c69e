using SkiaSharp;

namespace Impala.Discovery.Web.Features.Cards;

/// <summary>The few plain outlines the sleeves, cards and badges are built from.</summary>
public static class Outline
{
    public static SKPath Rect(SKRect rect)
    {
        using var builder = new SKPathBuilder();
        builder.AddRect(rect);
        return builder.Detach();
    }

    public static SKPath RoundRect(SKRect rect, float radius)
    {
        using var builder = new SKPathBuilder();
        builder.AddRoundRect(rect, radius, radius);
        return builder.Detach();
    }

    public static SKPath Circle(SKPoint centre, float radius)
    {
        using var builder = new SKPathBuilder();
        builder.AddCircle(centre.X, centre.Y, radius);
        return builder.Detach();
    }

    public static SKPath Ring(SKPoint centre, float radius, float width)
    {
        using var outer = Circle(centre, radius + width / 2);
        using var inner = Circle(centre, radius - width / 2);
        return outer.Op(inner, SKPathOp.Difference) ?? new SKPath();
    }
}
