using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Prorata.Data.PartnerCenter.Configurations;

public sealed class PartnerCenterSyncCursorConfiguration : IEntityTypeConfiguration<PartnerCenterSyncCursor>
{
    public void Configure(EntityTypeBuilder<PartnerCenterSyncCursor> builder)
    {
        builder.ToTable("PartnerCenterSyncCursor");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
    }
}
