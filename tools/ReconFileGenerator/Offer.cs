namespace ReconFileGenerator;

/// <summary>A catalog row the generator sells: price per monthly charge cycle, as on the recon file.</summary>
internal sealed record Offer(string ProductId, string SkuId, string AvailabilityId, string Name, decimal MonthlyPrice)
{
    // Real NCE product ids and list prices (USD per seat per month, annual term billed monthly), early 2025.
    public static readonly Offer[] Catalog =
    [
        new("CFQ7TTC0LCHC", "0002", "CFQ7TTC0LF8R", "Microsoft 365 Business Premium", 22.00m),
        new("CFQ7TTC0LDPB", "0001", "CFQ7TTC0LF8S", "Microsoft 365 Business Basic", 6.00m),
        new("CFQ7TTC0LCHC", "0001", "CFQ7TTC0LF8T", "Microsoft 365 Business Standard", 12.50m),
        new("CFQ7TTC0LFLZ", "0002", "CFQ7TTC0LG2B", "Microsoft 365 E3", 36.00m),
        new("CFQ7TTC0LFLX", "0002", "CFQ7TTC0LG1D", "Microsoft 365 E5", 57.00m),
        new("CFQ7TTC0LF8Q", "0001", "CFQ7TTC0LG5J", "Office 365 E1", 10.00m),
        new("CFQ7TTC0LF8R", "0001", "CFQ7TTC0LGF2", "Office 365 E3", 23.00m),
        new("CFQ7TTC0LH18", "0001", "CFQ7TTC0LHBK", "Exchange Online (Plan 1)", 4.00m),
        new("CFQ7TTC0LHSF", "0001", "CFQ7TTC0LHW1", "Microsoft Teams Essentials", 4.00m),
        new("CFQ7TTC0LH0R", "0001", "CFQ7TTC0LHMW", "Visio Plan 2", 15.00m),
        new("CFQ7TTC0HDR3", "0001", "CFQ7TTC0HFBR", "Project Plan 3", 30.00m),
        new("CFQ7TTC0LGTX", "0001", "CFQ7TTC0LH4B", "Power BI Pro", 10.00m),
        new("CFQ7TTC0MM8R", "0002", "CFQ7TTC0MMBX", "Microsoft 365 Copilot", 30.00m),
        new("CFQ7TTC0LHWP", "0001", "CFQ7TTC0LHZ9", "Microsoft Defender for Endpoint P1", 3.00m),
    ];
}
