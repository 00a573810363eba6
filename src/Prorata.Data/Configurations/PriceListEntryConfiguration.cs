using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prorata.Data.Catalog;

namespace Prorata.Data.Configurations;

public sealed class PriceListEntryConfiguration : IEntityTypeConfiguration<PriceListEntry>
{
    public void Configure(EntityTypeBuilder<PriceListEntry> builder)
    {
        builder.ToTable("PriceListEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ProductId).HasMaxLength(64);
        builder.Property(e => e.SkuId).HasMaxLength(64);
        builder.Property(e => e.Title).HasMaxLength(256);
        builder.Property(e => e.Market).HasMaxLength(8);
        builder.Property(e => e.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(e => e.Term).HasConversion<string>().HasMaxLength(8);
        builder.Property(e => e.BillingPlan).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Publisher).HasConversion<string>().HasMaxLength(16);
        // microsoft-csp.md §1.2: a price is keyed by product, SKU, term, plan, market, currency and start date; one per version.
        builder.HasIndex(e => new { e.VersionId, e.ProductId, e.SkuId, e.Term, e.BillingPlan, e.Market, e.Currency, e.EffectiveFrom }).IsUnique();
    }
}
