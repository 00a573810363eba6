using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Prorata.Data.Reconciliation.Configurations;

public sealed class UsageRowConfiguration : IEntityTypeConfiguration<UsageRow>
{
    public void Configure(EntityTypeBuilder<UsageRow> builder)
    {
        // The file's text fields stay unbounded so that no real file is refused for a length.
        builder.ToTable("UsageRows");
        builder.HasKey(r => new { r.ImportId, r.Row });
        builder.HasOne<UsageImport>().WithMany().HasForeignKey(r => r.ImportId).OnDelete(DeleteBehavior.Cascade);
        // The trace of a usage invoice line reads a subscription's rows of one month; the overlap check a plan's days.
        builder.HasIndex(r => new { r.PlanSubscriptionId, r.UsageDate });
        builder.HasIndex(r => new { r.SubscriptionId, r.UsageDate });
        // Microsoft's effective prices and rates carry more than the house's six decimals (0.737586…, microsoft-csp.md §6.3).
        foreach (var property in builder.Metadata.GetDeclaredProperties().Where(p => p.ClrType == typeof(decimal)))
        {
            property.SetPrecision(28);
            property.SetScale(12);
        }
    }
}
