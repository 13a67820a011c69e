using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Features.Pictures;

namespace Impala.Discovery.Web.Features.Embeds;

/// <summary>
/// What an embedded card shows of an entry or an article, and the page it stands for. The label says what it is:
/// the kind's singular ("Label"), or "Article". The editor's picture shows where there is one, else the page's
/// artwork (an entry's sleeve, an article's cover).
/// </summary>
public sealed record EmbedCard(string Name, string KindKey, string Label, string Caption, string PagePath, PictureView? Picture)
{
    /// <summary>The page's artwork at the address of the content version it is shown with (see <see cref="SitePaths.Artwork"/>).</summary>
    public string ArtworkPath(string contentVersion) => SitePaths.Artwork(PagePath, contentVersion);
}
