using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Prorata.Data.PartnerCenter.Configurations;

public sealed class PartnerCenterSyncRunConfiguration : IEntityTypeConfiguration<PartnerCenterSyncRun>
{
    public void Configure(EntityTypeBuilder<PartnerCenterSyncRun> builder)
    {
        builder.ToTable("PartnerCenterSyncRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.StartedBy).HasMaxLength(256);
        builder.Property(r => r.Stage).HasMaxLength(32);
        builder.Property(r => r.Error).HasMaxLength(2048);
        builder.HasIndex(r => r.StartedAt);
    }
}
