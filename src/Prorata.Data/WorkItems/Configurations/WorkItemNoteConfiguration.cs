using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Prorata.Data.WorkItems.Configurations;

public sealed class WorkItemNoteConfiguration : IEntityTypeConfiguration<WorkItemNote>
{
    public void Configure(EntityTypeBuilder<WorkItemNote> builder)
    {
        builder.ToTable("WorkItemNotes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Author).HasMaxLength(256);
        builder.Property(n => n.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.Text).HasMaxLength(4000);
        builder.HasIndex(n => n.WorkItemId);
    }
}
