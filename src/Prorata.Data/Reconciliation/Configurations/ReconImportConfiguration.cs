using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prorata.Domain.Reconciliation;

namespace Prorata.Data.Reconciliation.Configurations;

public sealed class ReconImportConfiguration : IEntityTypeConfiguration<ReconImport>
{
    // A handful of currencies per file, read and written with the import only: one JSON text column.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<ReconImport> builder)
    {
        builder.ToTable("ReconImports");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.FileName).HasMaxLength(260);
        builder.Property(i => i.Sha256).HasMaxLength(64).IsFixedLength();
        // The same bytes imported twice would count every discrepancy twice.
        builder.HasIndex(i => i.Sha256).IsUnique();
        builder.Property(i => i.ScenarioName).HasMaxLength(256);
        builder.Property(i => i.Currencies).HasConversion(
            c => JsonSerializer.Serialize(c, Json),
            text => Read(text),
            new ValueComparer<List<ReconCurrencyTotals>>((a, b) => a!.SequenceEqual(b!), c => c.Count, c => c.ToList()));
        builder.Property(i => i.WithdrawnBy).HasMaxLength(256);
        builder.Property(i => i.WithdrawalReason).HasMaxLength(1024);
    }

    // Imports stored before totals were kept per currency have an empty column.
    private static List<ReconCurrencyTotals> Read(string text) =>
        text.Length == 0 ? [] : JsonSerializer.Deserialize<List<ReconCurrencyTotals>>(text, Json) ?? [];
}
