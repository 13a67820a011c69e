using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Impala.Discovery.Web.Data;

/// <summary>
/// Inserts rows of one entity type through a single prepared statement, in the current transaction. An import writes
/// tens of thousands of rows; EF's change tracker costs about a hundred times more per row than the insert itself.
/// Table names, column names and value conversions (JSON lists, enums) come from the EF model, so the rows are
/// exactly what EF would have written.
/// </summary>
public sealed class RowWriter : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly Column[] _columns;
    private readonly string _table;
    private readonly bool _write;

    private RowWriter(DbCommand command, Column[] columns, string table, bool write)
    {
        _command = command;
        _columns = columns;
        _table = table;
        _write = write;
    }

    /// <param name="db">The store, in the transaction the rows go into.</param>
    /// <param name="write">False for a writer that only hashes its rows (see <see cref="RowsHash"/>), writing nothing.</param>
    public static RowWriter For<TEntity>(DiscoveryDbContext db, bool write = true)
    {
        var type = db.Model.FindEntityType(typeof(TEntity))!;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var columns = type.GetProperties().Select((property, index) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"$p{index}";
            command.Parameters.Add(parameter);
            return (property, parameter);
        }).ToArray();

        var names = string.Join(", ", columns.Select(column => $"\"{column.property.GetColumnName(table)}\""));
        var values = string.Join(", ", columns.Select(column => column.parameter.ParameterName));
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({names}) VALUES ({values})";
        return new RowWriter(command, columns
            .Select(column => new Column(column.property.GetGetter(),
                column.property.GetValueConverter() ?? column.property.GetTypeMapping().Converter, column.parameter,
                Hashed: !RowsHash.IsStoreKey(column.property.Name) && column.property.Name is not (nameof(Article.ContentHash) or nameof(Article.RowsHash))))
            .ToArray(), table.Name, write);
    }

    /// <summary>Inserts the entity's row (unless this writer only hashes) and adds it to <paramref name="hash"/>, if given.</summary>
    public async Task InsertAsync(object entity, CancellationToken cancellationToken, RowsHash? hash = null)
    {
        hash?.StartRow(_table);
        foreach (var (getter, converter, parameter, hashed) in _columns)
        {
            var value = getter.GetClrValueUsingContainingEntity(entity);
            parameter.Value = (converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
            if (hashed)
            {
                hash?.Add(parameter.Value);
            }
        }

        if (_write)
        {
            await _command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();

    private sealed record Column(IClrPropertyGetter Getter, ValueConverter? Converter, DbParameter Parameter, bool Hashed);
}
