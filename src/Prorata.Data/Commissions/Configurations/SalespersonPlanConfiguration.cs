using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Prorata.Data.Commissions.Configurations;

public sealed class SalespersonPlanConfiguration : IEntityTypeConfiguration<SalespersonPlan>
{
    public void Configure(EntityTypeBuilder<SalespersonPlan> builder)
    {
        builder.ToTable("SalespersonPlans", t => t.HasCheckConstraint("CK_SalespersonPlans_Rate", "CAST(\"Rate\" AS REAL) >= 0 AND CAST(\"Rate\" AS REAL) <= 100"));
        builder.HasKey(p => p.Id);
        builder.Property(p => p.ProductId).HasMaxLength(64);
        builder.Property(p => p.SkuId).HasMaxLength(64);
        builder.Property(p => p.Basis).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Payout).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(p => p.SalespersonId);
    }
}
