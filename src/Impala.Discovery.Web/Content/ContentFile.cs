namespace Impala.Discovery.Web.Content;

/// <summary>
/// A content file read from disk: its path relative to the content folder (as errors name it), its text, and when it
/// was last written by the file system's clock (null for a draft that is on no disk).
/// </summary>
public sealed record ContentFile(string Path, string Text, DateTime? Written = null);
