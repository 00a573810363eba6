using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Prorata.Data.PartnerCenter.Configurations;

public sealed class PartnerCenterSyncIssueConfiguration : IEntityTypeConfiguration<PartnerCenterSyncIssue>
{
    public void Configure(EntityTypeBuilder<PartnerCenterSyncIssue> builder)
    {
        builder.ToTable("PartnerCenterSyncIssues");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Kind).HasMaxLength(32);
        builder.Property(i => i.PartnerCenterCustomerId).HasMaxLength(64);
        builder.Property(i => i.PartnerCenterSubscriptionId).HasMaxLength(64);
        builder.Property(i => i.Message).HasMaxLength(1024);
        builder.Property(i => i.ResolvedBy).HasMaxLength(256);
        builder.HasIndex(i => new { i.Kind, i.PartnerCenterCustomerId, i.PartnerCenterSubscriptionId });
    }
}
