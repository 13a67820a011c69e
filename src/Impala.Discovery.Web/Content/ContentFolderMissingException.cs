namespace Impala.Discovery.Web.Content;

/// <summary>
/// The content folder, or its articles folder, is not there (deleted, moved, a checkout half done). That is a fault,
/// not an editor deleting every article: nothing is imported, the last good content keeps serving.
/// </summary>
public sealed class ContentFolderMissingException(string message) : Exception(message);
