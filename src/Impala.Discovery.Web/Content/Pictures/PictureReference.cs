namespace Impala.Discovery.Web.Content.Pictures;

/// <summary>
/// A picture as an article names it: its file under <c>content/images/</c>, the words that stand in for it, who took
/// it, and where the file name was written, so that a problem with the file points there.
/// </summary>
public sealed record PictureReference(string File, string Alt, string? Credit, int Line, int Column);
