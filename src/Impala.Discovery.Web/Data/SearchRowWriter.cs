using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Impala.Discovery.Web.Data;

/// <summary>Adds entries to the FTS5 search table through one prepared statement, in the current transaction.</summary>
public sealed class SearchRowWriter : IAsyncDisposable
{
    private static readonly string[] ParameterNames = ["$name", "$facts", "$body", "$entry", "$article"];

    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;

    public SearchRowWriter(DiscoveryDbContext db)
    {
        _command = db.Database.GetDbConnection().CreateCommand();
        _command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        _command.CommandText = "INSERT INTO EntrySearch (Name, Facts, Body, EntryId, ArticleId) VALUES ($name, $facts, $body, $entry, $article)";
        _parameters = ParameterNames.Select(name =>
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = name;
            _command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
    }

    public async Task InsertAsync(Entry entry, string bodyText, CancellationToken cancellationToken)
    {
        _parameters[0].Value = entry.Name;
        _parameters[1].Value = string.Join(" ", entry.Facts.SelectMany(fact => fact.Values));
        _parameters[2].Value = bodyText;
        _parameters[3].Value = entry.Id;
        _parameters[4].Value = entry.ArticleId;
        await _command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
