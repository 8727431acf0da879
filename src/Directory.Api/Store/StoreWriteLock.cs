using Microsoft.EntityFrameworkCore;

namespace Thirty3.DirectoryApi.Store;

/// <summary>
/// Serialises every transaction that appends to the index change log, across all instances.
/// </summary>
/// <remarks>
/// Projections read the log as "ids above my watermark". In PostgreSQL ids come from a sequence
/// when a row is inserted, but become visible when its transaction commits: if a transaction
/// holding id 9 committed after one holding id 10, a reader that already moved its watermark to 10
/// would never see 9. Holding one transaction-scoped advisory lock from before the first insert
/// until commit makes commit order equal id order, so the log is only ever appended at its end.
/// PostgreSQL makes a commit visible before it releases the transaction's locks, so the next
/// writer (and its ids) always comes after. The cost is one writer at a time, which ingest already
/// had within one process (<c>WriteGate</c>) and which SQLite imposes anyway; batches are large, so
/// throughput is bounded by the database, not the lock. The alternative (read only below the oldest
/// in-flight transaction's id) keeps writers parallel but needs a clock on every reader.
/// SQLite has one writer at a time by nature, so there is nothing to take.
/// This also makes concurrent ingests of the same release from two instances safe: the second
/// waits, then reads the first one's row and reports it unchanged.
/// </remarks>
public static class StoreWriteLock
{
    /// <summary>An arbitrary constant shared by every instance (0x743437, any value will do).</summary>
    private const string LockSql = "SELECT pg_advisory_xact_lock(7615543)";

    /// <summary>Takes the lock for the current transaction; released when it commits or rolls back.</summary>
    public static async Task AcquireAsync(DirectoryDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The store write lock is transaction-scoped: begin a transaction first.");
        }
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync(LockSql, cancellationToken);
        }
    }
}
