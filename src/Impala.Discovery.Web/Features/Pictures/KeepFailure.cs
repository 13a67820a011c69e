namespace Impala.Discovery.Web.Features.Pictures;

/// <summary>Renditions could not be written to their folder (a full disk, a folder the site may not write) since then.</summary>
public sealed record KeepFailure(DateTimeOffset Since, string Problem);
