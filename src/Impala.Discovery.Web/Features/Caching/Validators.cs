using Microsoft.Net.Http.Headers;

namespace Impala.Discovery.Web.Features.Caching;

/// <summary>The served content's version (the first part of every ETag) and when it last changed (Last-Modified).</summary>
public sealed record Validators(string Version, DateTimeOffset LastModified)
{
    /// <summary>As the Last-Modified header writes it, formatted once rather than for every answer.</summary>
    public string LastModifiedText { get; } = HeaderUtilities.FormatDate(LastModified);
}
