using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prorata.Data.Subscriptions;

namespace Prorata.Data.Configurations;

public sealed class LicenseChangeEntryConfiguration : IEntityTypeConfiguration<LicenseChangeEntry>
{
    public void Configure(EntityTypeBuilder<LicenseChangeEntry> builder)
    {
        builder.ToTable("LicenseChangeLog");
        builder.HasKey(e => e.Id);
        builder.HasOne<CustomerSubscription>().WithMany().HasForeignKey(e => e.SubscriptionId).OnDelete(DeleteBehavior.Restrict);
        // Not a foreign key: SQLite adds one only by rebuilding the table, and the rebuild drops the log's append-only
        // triggers. The id is written in the same SaveChanges as the subscription it names, and subscriptions are never deleted.
        builder.HasIndex(e => e.NewSubscriptionId);
        // The log is append-only per subscription: two writers racing for the same sequence cannot both win.
        builder.HasIndex(e => new { e.SubscriptionId, e.Sequence }).IsUnique();
        builder.Property(e => e.Type).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.Property(e => e.ProductId).HasMaxLength(64);
        builder.Property(e => e.SkuId).HasMaxLength(64);
        builder.Property(e => e.Term).HasConversion<string>().HasMaxLength(8);
        builder.Property(e => e.BillingPlan).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Meter).HasMaxLength(256);
    }
}
