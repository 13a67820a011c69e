namespace Impala.Discovery.Web.Features.Artists;

/// <summary>An entry that names the artist (a label, a venue), and the other artists it names: their labelmates.</summary>
public sealed record RosterMates(string EntryName, string EntryPath, IReadOnlyList<ArtistLink> Artists);
