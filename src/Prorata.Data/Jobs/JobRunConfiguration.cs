using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Prorata.Data.Jobs;

public sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ToTable("JobRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Job).HasMaxLength(64);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Message).HasMaxLength(2000);
        builder.Property(r => r.Instance).HasMaxLength(200);
        builder.Property(r => r.TriggeredBy).HasMaxLength(256);
        builder.HasIndex(r => new { r.Job, r.ScheduledFor }).IsUnique();
        builder.HasIndex(r => new { r.Job, r.StartedAt });
    }
}
