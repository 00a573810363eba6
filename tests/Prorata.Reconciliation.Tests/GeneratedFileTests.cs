using Prorata.Domain.Reconciliation;
using Prorata.Integrations.ReconFiles;
using ReconFileGenerator;

namespace Prorata.Reconciliation.Tests;

/// <summary>The generator's planted differences, read back through the real reader and matcher.</summary>
public sealed class GeneratedFileTests
{
    private static readonly Dictionary<Injection, int> EveryInjection = new()
    {
        [Injection.OutOfBandSeatAdd] = 4, [Injection.MissedCancellation] = 3, [Injection.PriceChange] = 5,
        [Injection.Promotion] = 2, [Injection.QuantityChange] = 6, [Injection.OrphanSubscription] = 2,
        [Injection.ConventionB] = 7, [Injection.NotBilled] = 3,
    };

    [Theory]
    [InlineData(OutputFormat.Csv)]
    [InlineData(OutputFormat.GzipJsonLines)]
    public void Reconcile_GeneratedFileWithEveryInjection_CountsAndMoneyAsPlanted(OutputFormat format)
    {
        using var file = new MemoryStream();
        var generated = ReconGenerator.Generate(new GeneratorOptions { Lines = 5_000, Subscriptions = 500, Injections = EveryInjection }, file, format);
        file.Position = 0;

        var result = Matcher.Reconcile(InvoiceReconReader.Read(file, InvoiceReconReader.DetectFormat(file.GetBuffer())), generated.Expected, generated.KnownSubscriptions);

        var s = result.Summary;
        Assert.Equal(5_000, s.Lines);
        Assert.Equal(generated.Counts[ReconState.Matched], s.Matched);
        Assert.Equal((8 + 3, 5, 2, 6, 3 + 3), (s.UnexpectedCharge, s.PriceMismatch, s.AmountMismatch, s.QuantityMismatch, s.MissingCharge));
        Assert.Equal(generated.Counts[ReconState.UnknownSubscription], s.UnknownSubscription);
        Assert.Equal(generated.MoneyAtStake, s.MoneyAtStake);
        Assert.Equal(3, result.Lines.Count(l => l.RootCause == RootCause.MissedCancellation));
        Assert.Equal(8, result.Lines.Count(l => l.State == ReconState.UnexpectedCharge && l.RootCause == RootCause.OutOfBandChange));
    }

    [Fact]
    public void Generate_SameOptionsTwice_SameBytes()
    {
        var options = new GeneratorOptions { Lines = 300, Subscriptions = 30, Injections = EveryInjection.Where(p => p.Key != Injection.ConventionB).ToDictionary(p => p.Key, p => 1) };
        using var first = new MemoryStream();
        using var second = new MemoryStream();

        ReconGenerator.Generate(options, first, OutputFormat.Csv);
        ReconGenerator.Generate(options, second, OutputFormat.Csv);

        Assert.Equal(first.ToArray(), second.ToArray());
    }
}
