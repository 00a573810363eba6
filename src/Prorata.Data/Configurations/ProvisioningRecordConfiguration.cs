using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prorata.Data.Subscriptions;

namespace Prorata.Data.Configurations;

public sealed class ProvisioningRecordConfiguration : IEntityTypeConfiguration<ProvisioningRecord>
{
    public void Configure(EntityTypeBuilder<ProvisioningRecord> builder)
    {
        builder.ToTable("ProvisioningRecords");
        builder.HasKey(r => r.Id);
        // One record per entry: provisioning an entry twice would buy its seats twice.
        builder.HasOne(r => r.Entry).WithOne().HasForeignKey<ProvisioningRecord>(r => r.LicenseChangeEntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.LicenseChangeEntryId).IsUnique();
        builder.HasOne<CustomerSubscription>().WithMany().HasForeignKey(r => r.SubscriptionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.SubscriptionId);
        builder.Property(r => r.PartnerCenterCustomerId).HasMaxLength(64);
        builder.Property(r => r.PartnerCenterCartId).HasMaxLength(64);
        builder.Property(r => r.PartnerCenterOrderId).HasMaxLength(64);
        builder.Property(r => r.PartnerCenterSubscriptionId).HasMaxLength(64);
        builder.Property(r => r.Failure).HasMaxLength(1024);
    }
}
