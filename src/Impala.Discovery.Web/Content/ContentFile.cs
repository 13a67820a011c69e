namespace Impala.Discovery.Web.Content;

/// <summary>A content file read from disk: its path relative to the content folder (as errors name it) and its text.</summary>
public sealed record ContentFile(string Path, string Text);
