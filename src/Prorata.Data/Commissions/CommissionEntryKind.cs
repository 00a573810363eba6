namespace Prorata.Data.Commissions;

/// <summary>Why a ledger entry is payable when it is. Stored as text: never rename one.</summary>
public enum CommissionEntryKind
{
    /// <summary>On the invoice date (payout <c>invoice</c>; and every credit note, whatever the payout).</summary>
    Invoice,

    /// <summary>On the date of the change that produced the line (payout <c>booking</c>).</summary>
    Booking,

    /// <summary>On the date a payment, credit note or credit settled part of the invoice (payout <c>cash</c>).</summary>
    Cash,

    /// <summary>A reversed payment's cash instalment taken back, on the day the payment was reversed.</summary>
    PaymentReversed,
}
