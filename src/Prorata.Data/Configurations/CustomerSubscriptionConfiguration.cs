using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prorata.Data.Contracts;
using Prorata.Data.Subscriptions;

namespace Prorata.Data.Configurations;

public sealed class CustomerSubscriptionConfiguration : IEntityTypeConfiguration<CustomerSubscription>
{
    public void Configure(EntityTypeBuilder<CustomerSubscription> builder)
    {
        builder.ToTable("Subscriptions");
        builder.HasKey(s => s.Id);
        builder.HasOne<BillingContract>().WithMany().HasForeignKey(s => s.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CustomerSubscription>().WithMany().HasForeignKey(s => s.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.ContractId);
        // The subscriptions list, newest first, walks this instead of sorting every subscription.
        builder.HasIndex(s => s.CreatedAt);
        builder.Property(s => s.ProductId).HasMaxLength(64);
        builder.Property(s => s.SkuId).HasMaxLength(64);
        builder.Property(s => s.Title).HasMaxLength(256);
        builder.Property(s => s.Term).HasConversion<string>().HasMaxLength(8);
        builder.Property(s => s.BillingPlan).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Provisioning).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.ChangeCount).IsConcurrencyToken();
    }
}
