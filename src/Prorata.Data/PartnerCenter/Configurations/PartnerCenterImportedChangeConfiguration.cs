using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prorata.Data.Subscriptions;

namespace Prorata.Data.PartnerCenter.Configurations;

public sealed class PartnerCenterImportedChangeConfiguration : IEntityTypeConfiguration<PartnerCenterImportedChange>
{
    public void Configure(EntityTypeBuilder<PartnerCenterImportedChange> builder)
    {
        builder.ToTable("PartnerCenterImportedChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.PartnerCenterSubscriptionId).HasMaxLength(64);
        builder.Property(c => c.AuditRecordId).HasMaxLength(64);
        builder.Property(c => c.Kind).HasMaxLength(32);
        builder.Property(c => c.ChangedBy).HasMaxLength(256);
        builder.HasOne<LicenseChangeEntry>().WithMany().HasForeignKey(c => c.LicenseChangeEntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.LicenseChangeEntryId).IsUnique();
        // NULLs are distinct in a unique index on both providers: changes seen only in the state are not constrained.
        builder.HasIndex(c => new { c.AuditRecordId, c.Kind }).IsUnique();
    }
}
