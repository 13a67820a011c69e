namespace Impala.Discovery.Web.Content.Pictures;

/// <summary>
/// A picture file that passed every check: its fingerprint and its size as shown, and the name git gives its bytes
/// (<see cref="PictureCodec.GitBlobOf"/>), by which they can be read from the history once the file holds others.
/// </summary>
public sealed record CheckedPicture(string Hash, int Width, int Height, string? GitBlob = null);
