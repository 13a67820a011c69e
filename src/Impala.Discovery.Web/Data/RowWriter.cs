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

    private RowWriter(DbCommand command, Column[] columns)
    {
        _command = command;
        _columns = columns;
    }

    public static RowWriter For<TEntity>(DiscoveryDbContext db)
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
                column.property.GetValueConverter() ?? column.property.GetTypeMapping().Converter, column.parameter))
            .ToArray());
    }

    public async Task InsertAsync(object entity, CancellationToken cancellationToken)
    {
        foreach (var (getter, converter, parameter) in _columns)
        {
            var value = getter.GetClrValueUsingContainingEntity(entity);
            parameter.Value = (converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
        }

        await _command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();

    private sealed record Column(IClrPropertyGetter Getter, ValueConverter? Converter, DbParameter Parameter);
}
