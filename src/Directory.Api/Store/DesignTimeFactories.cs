using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Thirty3.DirectoryApi.Store;

// Used only by `dotnet ef migrations add --context ...`: generating a migration needs the provider,
// not a reachable database.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDirectoryDbContext>
{
    public SqliteDirectoryDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDirectoryDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDirectoryDbContext>
{
    public PostgresDirectoryDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDirectoryDbContext>().UseNpgsql("Host=localhost;Database=thirty3_design").Options);
}
