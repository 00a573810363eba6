using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prorata.Data.Subscriptions;

namespace Prorata.Data.PartnerCenter.Configurations;

public sealed class PartnerCenterSubscriptionLinkConfiguration : IEntityTypeConfiguration<PartnerCenterSubscriptionLink>
{
    public void Configure(EntityTypeBuilder<PartnerCenterSubscriptionLink> builder)
    {
        builder.ToTable("PartnerCenterSubscriptions");
        builder.HasKey(s => s.PartnerCenterSubscriptionId);
        builder.Property(s => s.PartnerCenterSubscriptionId).HasMaxLength(64);
        builder.Property(s => s.PartnerCenterCustomerId).HasMaxLength(64);
        builder.Property(s => s.OfferId).HasMaxLength(128);
        builder.Property(s => s.OfferName).HasMaxLength(256);
        builder.Property(s => s.Status).HasMaxLength(16);
        builder.HasOne<PartnerCenterCustomerLink>().WithMany().HasForeignKey(s => s.PartnerCenterCustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CustomerSubscription>().WithMany().HasForeignKey(s => s.SubscriptionId).OnDelete(DeleteBehavior.Restrict);
        // A Prorata subscription bills one Partner Center subscription; linking a second would bill its seats twice.
        builder.HasIndex(s => s.SubscriptionId).IsUnique();
        builder.HasIndex(s => s.PartnerCenterCustomerId);
    }
}
