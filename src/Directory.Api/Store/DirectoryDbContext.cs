using Microsoft.EntityFrameworkCore;

namespace Thirty3.DirectoryApi.Store;

/// <summary>The system of record: releases, compiled opportunities, organisations, technologies, keys and the index outbox.</summary>
public sealed class DirectoryDbContext(DbContextOptions<DirectoryDbContext> options) : DbContext(options)
{
    public DbSet<ReleaseEntity> Releases => Set<ReleaseEntity>();
    public DbSet<OpportunityEntity> Opportunities => Set<OpportunityEntity>();
    public DbSet<OrganisationEntity> Organisations => Set<OrganisationEntity>();
    public DbSet<TechnologyEntity> Technologies => Set<TechnologyEntity>();
    public DbSet<CpvLabelEntity> CpvLabels => Set<CpvLabelEntity>();
    public DbSet<ApiKeyEntity> ApiKeys => Set<ApiKeyEntity>();
    public DbSet<OutboxEntity> Outbox => Set<OutboxEntity>();
    public DbSet<RejectionEntity> Rejections => Set<RejectionEntity>();
    public DbSet<SourceStatusEntity> SourceStatuses => Set<SourceStatusEntity>();

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
        modelBuilder.Entity<OutboxEntity>(e =>
        {
            e.ToTable("index_outbox");
            e.HasIndex(o => o.Id);
        });
        modelBuilder.Entity<SourceStatusEntity>(e =>
        {
            e.ToTable("source_status");
            e.HasKey(s => s.Name);
        });
        modelBuilder.Entity<RejectionEntity>(e =>
        {
            e.ToTable("rejections");
            e.HasIndex(r => r.AtMs);
        });
    }
}
