using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Prorata.Data.Billing;

namespace Prorata.Data.Configurations;

public sealed class BillingRunChunkConfiguration : IEntityTypeConfiguration<BillingRunChunk>
{
    public void Configure(EntityTypeBuilder<BillingRunChunk> builder)
    {
        builder.ToTable("BillingRunChunks");
        // The key is what makes planning idempotent: two workers planning one date at once cannot both insert chunk 1.
        builder.HasKey(c => new { c.BillingDate, c.Number });
        builder.Property(c => c.ClaimedBy).HasMaxLength(256);
    }
}
