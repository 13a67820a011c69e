using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Artists;

/// <summary>
/// An artist's page: every entry of every kind that names them, the other artists those entries name, and the other
/// entries of the places those entries are in, so that a fan always has somewhere to go next. SchemaType is what the
/// JSON-LD calls the artist (see <see cref="ArtistsController"/>).
/// </summary>
public sealed record ArtistViewModel(
    PageMeta Meta,
    string Slug,
    string Name,
    IReadOnlyList<EntryCard> Entries,
    IReadOnlyList<RosterMates> Rosters,
    IReadOnlyList<EntryCard> Nearby,
    string SchemaType) : IPageViewModel;
