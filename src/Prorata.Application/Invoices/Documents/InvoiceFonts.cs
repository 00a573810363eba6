using SkiaSharp;

namespace Prorata.Application.Invoices.Documents;

/// <summary>
/// DejaVu Sans, embedded in this assembly (Fonts/LICENSE-DejaVu.txt): SkiaSharp's NoDependencies build has no fontconfig to
/// find system fonts by name, and a customer's invoice must not change looks with the server it was drawn on. The dashboard's
/// charts draw their text with them too.
/// </summary>
public static class InvoiceFonts
{
    public static SKTypeface Regular { get; } = Load("DejaVuSans.ttf");

    public static SKTypeface Bold { get; } = Load("DejaVuSans-Bold.ttf");

    private static SKTypeface Load(string file)
    {
        var name = $"Prorata.Application.Invoices.Documents.Fonts.{file}";
        using var stream = typeof(InvoiceFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font resource {name} is missing from {typeof(InvoiceFonts).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        using var data = SKData.CreateCopy(copy.ToArray());
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"SkiaSharp could not read the font {name}.");
    }
}
