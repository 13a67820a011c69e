namespace Impala.Discovery.Web.Content.Addresses;

/// <summary>
/// One committed version of a content file: when it reached the main line, its blob, the file's path then, and the
/// commit (whose kinds.yml reads it).
/// </summary>
public readonly record struct CommittedVersion(long Since, string Blob, string Path, string Commit);
