using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Prorata.Data.WorkItems.Configurations;

public sealed class WorkItemConfiguration : IEntityTypeConfiguration<WorkItem>
{
    public void Configure(EntityTypeBuilder<WorkItem> builder)
    {
        builder.ToTable("WorkItems");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.Code).HasMaxLength(64);
        builder.Property(i => i.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.DedupeKey).HasMaxLength(400);
        builder.Property(i => i.Message).HasMaxLength(2048);
        builder.Property(i => i.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(i => i.SubjectKind).HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.SubjectId).HasMaxLength(200);
        builder.Property(i => i.PartnerCenterCustomerId).HasMaxLength(64);
        builder.Property(i => i.PartnerCenterSubscriptionId).HasMaxLength(64);
        builder.Property(i => i.AssignedTo).HasMaxLength(256);
        builder.Property(i => i.ResolvedBy).HasMaxLength(256);
        builder.Property(i => i.Resolution).HasMaxLength(2048);
        // One open item per problem: two runs raising it at once cannot both insert (the loser counts an occurrence).
        builder.HasIndex(i => i.DedupeKey).IsUnique().HasFilter("\"State\" = 'Open'").HasDatabaseName("UX_WorkItems_Open_DedupeKey");
        // Has this problem been raised before, open or resolved: asked per line when a recon file's items are raised.
        builder.HasIndex(i => new { i.DedupeKey, i.State }).HasDatabaseName("IX_WorkItems_DedupeKey_State");
        builder.HasIndex(i => new { i.State, i.Kind });
        builder.HasIndex(i => i.SubscriptionId);
        builder.HasIndex(i => i.ContractId);
        builder.HasIndex(i => i.CustomerId);
        builder.HasMany(i => i.Notes).WithOne().HasForeignKey(n => n.WorkItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
