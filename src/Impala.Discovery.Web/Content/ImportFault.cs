namespace Impala.Discovery.Web.Content;

/// <summary>
/// Why the last import could not complete (the site serves what it imported before), and since when; whether the
/// cause is the content folder's absence, which a look at the folder can clear, or the store's.
/// </summary>
public sealed record ImportFault(DateTimeOffset Since, string Reason, bool FolderMissing);
