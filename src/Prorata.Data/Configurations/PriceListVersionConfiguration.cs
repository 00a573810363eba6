using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prorata.Data.Catalog;
using Prorata.Domain.Catalog;

namespace Prorata.Data.Configurations;

public sealed class PriceListVersionConfiguration : IEntityTypeConfiguration<PriceListVersion>
{
    // The warnings are read and written with their version only, never queried: one JSON text column.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<PriceListVersion> builder)
    {
        builder.ToTable("PriceListVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Name).HasMaxLength(256);
        builder.Property(v => v.ImportedBy).HasMaxLength(256);
        builder.Property(v => v.Rollout).HasConversion<string>().HasMaxLength(32);
        builder.Property(v => v.Warnings).HasConversion(
            w => JsonSerializer.Serialize(w, Json),
            text => Read(text),
            new ValueComparer<List<PriceListWarning>>((a, b) => a!.SequenceEqual(b!), w => w.Count, w => w.ToList()));
        builder.HasMany(v => v.Entries).WithOne().HasForeignKey(e => e.VersionId).OnDelete(DeleteBehavior.Restrict);
    }

    // Versions imported before the checks existed have an empty column.
    private static List<PriceListWarning> Read(string text) =>
        text.Length == 0 ? [] : JsonSerializer.Deserialize<List<PriceListWarning>>(text, Json) ?? [];
}
