namespace Impala.Discovery.Web.Features.Cards;

/// <summary>A piece of a line set in one direction: right to left for Hebrew, left to right for everything else.</summary>
public sealed record TextRun(string Text, bool RightToLeft);
