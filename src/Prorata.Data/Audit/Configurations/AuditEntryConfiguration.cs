using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Prorata.Data.Audit.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.Actor).HasMaxLength(AuditEntry.MaxActorLength);
        builder.Property(e => e.EntityType).HasMaxLength(64);
        builder.Property(e => e.EntityId).HasMaxLength(AuditEntry.MaxEntityIdLength);
        builder.Property(e => e.Label).HasMaxLength(AuditEntry.MaxLabelLength);
        builder.Property(e => e.Action).HasMaxLength(32);
        // An entity's history ("History" on its page) and one person's changes are the lookups besides the newest first.
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
        builder.HasIndex(e => e.Actor);
    }
}
