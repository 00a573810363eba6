using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prorata.Data.Contracts;
using Prorata.Domain.Contracts;

namespace Prorata.Data.Configurations;

public sealed class BillingContractConfiguration : IEntityTypeConfiguration<BillingContract>
{
    // Enumerations are stored by name so that the database reads the same as the API and survives reordering.
    private const int EnumLength = 32;

    public void Configure(EntityTypeBuilder<BillingContract> builder)
    {
        builder.ToTable("BillingContracts", t =>
            t.HasCheckConstraint("CK_BillingContracts_BillingDay",
                $"\"BillingDay\" BETWEEN {BillingContractRules.FirstBillingDay} AND {BillingContractRules.LastBillingDay}"));
        builder.HasKey(c => c.Id);
        builder.HasOne(c => c.Customer).WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(c => c.InvoiceCadence).HasConversion<string>().HasMaxLength(EnumLength);
        builder.Property(c => c.RefundPolicy).HasConversion<string>().HasMaxLength(EnumLength);
        builder.Property(c => c.Alignment).HasConversion<string>().HasMaxLength(EnumLength);
        builder.HasOne(c => c.LegalEntity).WithMany().HasForeignKey(c => c.LegalEntityId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.DunningRemindAfterDays).HasMaxLength(200);
        builder.Ignore(c => c.Dunning);
        builder.HasOne<Commissions.Salesperson>().WithMany().HasForeignKey(c => c.SalespersonId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(c => c.PricingRules, rule =>
        {
            rule.ToTable("ContractPricingRules");
            rule.WithOwner().HasForeignKey("BillingContractId");
            // A surrogate key: saving a contract replaces its rules, and a replaced rule must not collide with the old row's key.
            rule.Property<int>("Id");
            rule.HasKey("Id");
            rule.Property(r => r.ProductId).HasMaxLength(BillingContractRules.MaxIdLength);
            rule.Property(r => r.SkuId).HasMaxLength(BillingContractRules.MaxIdLength);
            rule.Property(r => r.Method).HasConversion<string>().HasMaxLength(EnumLength);
        });
    }
}
