namespace Impala.Discovery.Web.Features.Api;

/// <summary>One encoded size of a picture; <see cref="Square"/> ones are the middle square that cards show.</summary>
public sealed record ApiPictureRendition(string Url, int Width, int Height, string Type, bool Square);
