using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prorata.Data.Subscriptions;

namespace Prorata.Data.PartnerCenter.Configurations;

public sealed class LicenseUsageConfiguration : IEntityTypeConfiguration<LicenseUsage>
{
    public void Configure(EntityTypeBuilder<LicenseUsage> builder)
    {
        builder.ToTable("LicenseUsage");
        builder.HasKey(u => u.SubscriptionId);
        builder.Property(u => u.PartnerCenterCustomerId).HasMaxLength(64);
        builder.Property(u => u.LicenseSkuId).HasMaxLength(64);
        builder.Property(u => u.SkuPartNumber).HasMaxLength(128);
        builder.HasOne<CustomerSubscription>().WithMany().HasForeignKey(u => u.SubscriptionId).OnDelete(DeleteBehavior.Restrict);
        // Subscriptions of one license SKU in one tenant share its assigned licenses.
        builder.HasIndex(u => new { u.PartnerCenterCustomerId, u.LicenseSkuId });
    }
}
