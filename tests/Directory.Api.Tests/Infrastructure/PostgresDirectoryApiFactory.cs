using Npgsql;

namespace Thirty3.DirectoryApi.Tests.Infrastructure;

/// <summary>
/// The directory API on PostgreSQL, in a database of its own created for the test and dropped by
/// <see cref="DeleteData"/>. Skips the test when no server is configured.
/// </summary>
public sealed class PostgresDirectoryApiFactory : DirectoryApiFactory
{
    private readonly bool _ownsDatabase;

    /// <summary>A new, empty database.</summary>
    public PostgresDirectoryApiFactory()
        : this(null, TestPostgres.CreateDatabase(), ownsDatabase: true)
    {
    }

    private PostgresDirectoryApiFactory(string? dataPath, string connectionString, bool ownsDatabase)
        : base(dataPath)
    {
        ConnectionString = connectionString;
        _ownsDatabase = ownsDatabase;
    }

    public string ConnectionString { get; }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Store:Provider"] = "PostgreSql",
        ["Store:ConnectionString"] = ConnectionString,
    };

    public override DirectoryApiFactory Restart() => new PostgresDirectoryApiFactory(DataPath, ConnectionString, ownsDatabase: false);

    /// <summary>Another instance on the same database, with a data folder (and so a Lucene index) of its own.</summary>
    public PostgresDirectoryApiFactory AnotherInstance() => new(null, ConnectionString, ownsDatabase: false);

    public override void DeleteData()
    {
        base.DeleteData();
        if (_ownsDatabase)
        {
            TestPostgres.DropDatabase(ConnectionString);
        }
    }
}

/// <summary>The PostgreSQL server the tests may use, from <c>THIRTY3_TEST_POSTGRES</c>.</summary>
public static class TestPostgres
{
    public const string Variable = "THIRTY3_TEST_POSTGRES";

    public const string MissingReason = $"{Variable} is not set: set it to an Npgsql connection string for a role that may CREATE DATABASE (e.g. eval \"$(bash scripts/start-test-postgres.sh)\").";

    public static string RequireServer()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        Skip.If(string.IsNullOrWhiteSpace(server), MissingReason);
        return server!;
    }

    /// <summary>Creates a uniquely named database and returns a connection string to it.</summary>
    public static string CreateDatabase()
    {
        var server = RequireServer();
        var name = $"thirty3_test_{Guid.NewGuid():n}";
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }

    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }
        using var connection = new NpgsqlConnection(RequireServer());
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }
}
