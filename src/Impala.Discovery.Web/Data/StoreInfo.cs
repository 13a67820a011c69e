namespace Impala.Discovery.Web.Data;

/// <summary>The single row that records which schema the database file was made with.</summary>
public sealed class StoreInfo
{
    public int Id { get; set; }

    public int SchemaVersion { get; set; }
}
