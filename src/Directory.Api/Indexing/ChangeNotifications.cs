using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Thirty3.DirectoryApi.Store;

namespace Thirty3.DirectoryApi.Indexing;

/// <summary>
/// Tells every instance that the change log grew, so each one's projector wakes at once instead of
/// at its next poll. On PostgreSQL a NOTIFY sent inside the writing transaction is delivered to all
/// listeners when (and only if) it commits; SQLite has one instance, woken by <see cref="IndexSignal"/>.
/// A lost notification costs only latency: the projector still polls.
/// </summary>
public static class ChangeNotifications
{
    internal const string Channel = "thirty3_index_changes";

    /// <summary>Queues the notification in the current transaction (PostgreSQL only).</summary>
    public static async Task NotifyOnCommitAsync(DirectoryDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_notify('" + Channel + "', '')", cancellationToken);
        }
    }
}

/// <summary>Listens for change-log notifications from any instance and wakes this instance's projector.</summary>
internal sealed partial class PostgresChangeListener(
    IOptions<StoreOptions> store,
    IndexSignal signal,
    TimeProvider clock,
    ILogger<PostgresChangeListener> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!store.Value.IsPostgreSql)
        {
            return;
        }
        // A dedicated, unpooled connection: LISTEN is session state.
        var connectionString = new NpgsqlConnectionStringBuilder(store.Value.ConnectionString) { Pooling = false, KeepAlive = 30 }.ToString();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => signal.Notify();
                await using (var listen = new NpgsqlCommand("LISTEN " + ChangeNotifications.Channel, connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                // Whatever was committed while no one listened is picked up by one drain now.
                signal.Notify();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogListenFailed(logger, RetryDelay.TotalSeconds, ex);
                await Task.Delay(RetryDelay, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for index changes failed; polling only, retrying in {Seconds} s")]
    private static partial void LogListenFailed(ILogger logger, double seconds, Exception exception);
}
