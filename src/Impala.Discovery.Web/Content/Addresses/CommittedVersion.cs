namespace Impala.Discovery.Web.Content.Addresses;

/// <summary>
/// One committed version of a content file: when it was committed, its blob, the file's path then, the commit, and
/// whether that commit added the file as new (not renamed, not copied from another).
/// </summary>
public readonly record struct CommittedVersion(long Since, string Blob, string Path, string Commit, bool AddedNew);
