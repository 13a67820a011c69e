using SkiaSharp;

namespace Impala.Discovery.Tests.Features.Cards;

/// <summary>Pictures compared pixel by pixel, with a tolerance for the last bits of anti-aliasing.</summary>
public static class CardPixels
{
    /// <summary>How far apart two pixels' colour channels may be and still count as the same pixel.</summary>
    public const int ChannelTolerance = 16;

    /// <summary>The share of pixels (0 to 1) whose colour differs by more than the tolerance in any channel.</summary>
    public static double ShareOfDifferentPixels(SKBitmap first, SKBitmap second)
    {
        Assert.Equal(first.Width, second.Width);
        Assert.Equal(first.Height, second.Height);
        var different = 0;
        for (var y = 0; y < first.Height; y++)
        {
            for (var x = 0; x < first.Width; x++)
            {
                var a = first.GetPixel(x, y);
                var b = second.GetPixel(x, y);
                if (Math.Abs(a.Red - b.Red) > ChannelTolerance || Math.Abs(a.Green - b.Green) > ChannelTolerance
                    || Math.Abs(a.Blue - b.Blue) > ChannelTolerance || Math.Abs(a.Alpha - b.Alpha) > ChannelTolerance)
                {
                    different++;
                }
            }
        }

        return different / (double)(first.Width * first.Height);
    }
}
