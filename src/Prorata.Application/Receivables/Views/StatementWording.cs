namespace Prorata.Application.Receivables.Views;

/// <summary>The words a customer reads on its statement, the same in the PDF and the command line.</summary>
public static class StatementWording
{
    public const string Title = "Statement of account";

    /// <summary>A <see cref="StatementLine.Kind"/> in words: "Invoice", "Credit note", "Payment", "Payment reversed", "Refund".</summary>
    public static string KindName(string kind) => kind switch
    {
        "invoice" => "Invoice",
        "creditNote" => "Credit note",
        "payment" => "Payment",
        "paymentReversed" => "Payment reversed",
        "refund" => "Refund",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a statement line's kind"),
    };
}
