namespace Impala.Discovery.Web.Data;

/// <summary>The single row that records which schema the database file was made with.</summary>
public sealed class StoreInfo
{
    public int Id { get; set; }

    public int SchemaVersion { get; set; }

    /// <summary>The last kinds.yml that could be read: used while the file on disk is broken, even after a restart.</summary>
    public string? KindsText { get; set; }

    /// <summary>When an import last completed: a store that has one can be served at once after a restart.</summary>
    public DateTimeOffset? LastImport { get; set; }

    /// <summary>
    /// A hash of what the store serves (kinds.yml and each article's fingerprint): the same on every instance that
    /// imported the same files, whenever it did. Pages' ETags are built from it.
    /// </summary>
    public string? ContentVersion { get; set; }

    /// <summary>
    /// The build of the site that last wrote the articles' rows (see <see cref="Content.KeptParseJson.Build"/>). The rows
    /// hold what that build made of the text (captions, HTML, search rows), so a store another build wrote has every
    /// article written again, and an upgraded instance serves what a new one built from the same commit serves.
    /// </summary>
    public string? WrittenBy { get; set; }

    /// <summary>When <see cref="ContentVersion"/> last changed: the pages' Last-Modified, kept across restarts.</summary>
    public DateTimeOffset? ContentChangedAt { get; set; }
}
