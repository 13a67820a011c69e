using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Artists;

/// <summary>An artist's page: every entry of every kind that names them.</summary>
public sealed record ArtistViewModel(PageMeta Meta, string Name, IReadOnlyList<EntryCard> Entries) : IPageViewModel;
