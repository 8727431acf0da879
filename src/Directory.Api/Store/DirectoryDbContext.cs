using Microsoft.EntityFrameworkCore;

namespace Thirty3.DirectoryApi.Store;

/// <summary>The system of record: releases, compiled opportunities, organisations, technologies, keys and the index change log.</summary>
/// <remarks>
/// One model for every provider. Each provider has a small subclass that owns its migrations
/// (<see cref="SqliteDirectoryDbContext"/>, <see cref="PostgresDirectoryDbContext"/>): EF Core keys
/// migrations by context type, so two sets can live in one assembly, each generated with the
/// provider's own column types, while the rest of the code only ever asks for this type.
/// </remarks>
public abstract class DirectoryDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ReleaseEntity> Releases => Set<ReleaseEntity>();
    public DbSet<OpportunityEntity> Opportunities => Set<OpportunityEntity>();
    public DbSet<OrganisationEntity> Organisations => Set<OrganisationEntity>();
    public DbSet<OrganisationAliasEntity> OrganisationAliases => Set<OrganisationAliasEntity>();
    public DbSet<TechnologyEntity> Technologies => Set<TechnologyEntity>();
    public DbSet<CpvLabelEntity> CpvLabels => Set<CpvLabelEntity>();
    public DbSet<ApiKeyEntity> ApiKeys => Set<ApiKeyEntity>();
    public DbSet<IndexChangeEntity> IndexChanges => Set<IndexChangeEntity>();
    public DbSet<ProjectionCheckpointEntity> ProjectionCheckpoints => Set<ProjectionCheckpointEntity>();
    public DbSet<RejectionEntity> Rejections => Set<RejectionEntity>();
    public DbSet<SourceStatusEntity> SourceStatuses => Set<SourceStatusEntity>();
    public DbSet<IdempotencyRecordEntity> IdempotencyRecords => Set<IdempotencyRecordEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReleaseEntity>(e =>
        {
            e.ToTable("releases");
            e.HasIndex(r => new { r.Ocid, r.ReleaseId }).IsUnique();
            e.Property(r => r.Ocid).HasMaxLength(200);
            e.Property(r => r.ReleaseId).HasMaxLength(300);
        });
        modelBuilder.Entity<OpportunityEntity>(e =>
        {
            e.ToTable("opportunities");
            e.HasKey(o => o.Ocid);
            e.Property(o => o.Ocid).HasMaxLength(200);
            e.HasIndex(o => o.BuyerId);
            e.HasIndex(o => o.UpdatedMs);
        });
        modelBuilder.Entity<OrganisationEntity>(e =>
        {
            e.ToTable("organisations");
            e.HasKey(o => o.Id);
            e.HasIndex(o => o.Name);
        });
        modelBuilder.Entity<OrganisationAliasEntity>(e =>
        {
            e.ToTable("organisation_aliases");
            e.HasKey(a => a.Alias);
            e.HasIndex(a => a.OrganisationId);
        });
        modelBuilder.Entity<TechnologyEntity>(e =>
        {
            e.ToTable("technologies");
            e.HasKey(t => t.Id);
            e.HasIndex(t => t.BoroughGss);
            e.HasIndex(t => t.Product);
            e.HasIndex(t => t.Supplier);
        });
        modelBuilder.Entity<CpvLabelEntity>(e =>
        {
            e.ToTable("cpv_labels");
            e.HasKey(c => c.Code);
        });
        modelBuilder.Entity<ApiKeyEntity>(e =>
        {
            e.ToTable("api_keys");
            e.HasKey(k => k.Id);
        });
        modelBuilder.Entity<IndexChangeEntity>(e =>
        {
            e.ToTable("index_changes");
            // Each projection reads its index's changes above its watermark, in id order.
            e.HasIndex(c => new { c.IndexName, c.Id });
        });
        modelBuilder.Entity<ProjectionCheckpointEntity>(e =>
        {
            e.ToTable("projection_checkpoints");
            e.HasKey(c => c.Projection);
            e.Property(c => c.Projection).HasMaxLength(300);
        });
        modelBuilder.Entity<SourceStatusEntity>(e =>
        {
            e.ToTable("source_status");
            e.HasKey(s => s.Name);
        });
        modelBuilder.Entity<IdempotencyRecordEntity>(e =>
        {
            e.ToTable("idempotency_records");
            e.HasKey(r => new { r.ApiKeyId, r.Key });
            e.Property(r => r.ApiKeyId).HasMaxLength(100);
            e.Property(r => r.Key).HasMaxLength(200);
            e.HasIndex(r => r.ExpiresMs);
        });
        modelBuilder.Entity<RejectionEntity>(e =>
        {
            e.ToTable("rejections");
            e.HasIndex(r => r.AtMs);
        });
    }
}

/// <summary>The embedded, single-instance store; owns the SQLite migrations.</summary>
public sealed class SqliteDirectoryDbContext(DbContextOptions<SqliteDirectoryDbContext> options) : DirectoryDbContext(options);

/// <summary>The shared store for several instances; owns the PostgreSQL migrations.</summary>
public sealed class PostgresDirectoryDbContext(DbContextOptions<PostgresDirectoryDbContext> options) : DirectoryDbContext(options);
