namespace Impala.Discovery.Web.Features.Pictures;

/// <summary>
/// A rendition to serve: its file in the cache (<see cref="Path"/>), or, when the cache folder cannot be written
/// (a read-only or full disk), the bytes just made (<see cref="Bytes"/>), so the picture still shows.
/// </summary>
public sealed record Rendition(string? Path, byte[]? Bytes);
