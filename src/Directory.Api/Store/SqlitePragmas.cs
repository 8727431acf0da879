using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Thirty3.DirectoryApi.Store;

/// <summary>
/// Sets SQLite up for a server: WAL so searches never wait for writers, synchronous=FULL so an
/// acknowledged ingest survives power loss (not just a process crash), and a busy timeout so
/// concurrent writers queue instead of failing.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
