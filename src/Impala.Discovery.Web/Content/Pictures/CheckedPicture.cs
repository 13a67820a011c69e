namespace Impala.Discovery.Web.Content.Pictures;

/// <summary>A picture file that passed every check: its fingerprint and its size as shown.</summary>
public sealed record CheckedPicture(string Hash, int Width, int Height);
