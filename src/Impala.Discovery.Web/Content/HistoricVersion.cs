namespace Impala.Discovery.Web.Content;

/// <summary>
/// A committed version of an article that a site accepted (see <see cref="LastGoodFromHistory"/>): its text under the
/// file name it had then (which gives the article its address then), the file it stands in for now, the commit it comes
/// from, kinds.yml as it stood when a running site last wrote the version (the newest catalogue that came while the
/// version was the file's and reads it), and the commit a site built from accepted it at, whose
/// pictures it showed there.
/// </summary>
public sealed record HistoricVersion(ContentFile Then, string File, string Commit, KindsSource? KindsThen, string AcceptedAt);
