namespace Impala.Discovery.Web.Content;

/// <summary>
/// A committed version of an article that a site accepted (see <see cref="LastGoodFromHistory"/>): its text under the
/// file name it had then (which gives the article its address then), the file it stands in for now, the commit it comes
/// from, kinds.yml as that commit held it (for a version today's catalogue refuses, as a running site's last good
/// version was written under the catalogue of its day), and the commit a site built from accepted it at, whose
/// pictures it showed there.
/// </summary>
public sealed record HistoricVersion(ContentFile Then, string File, string Commit, KindsSource? KindsThen, string AcceptedAt);
