namespace GoCardlessSimulator.State;

/// <summary>What happens to payments from a test bank account, chosen by the account number's (or IBAN's) last two digits.</summary>
public enum TestAccountOutcome
{
    /// <summary>Any other ending: mandates activate, payments are paid out.</summary>
    Pays,

    /// <summary>Ending 22: payments fail after submission (insufficient_funds).</summary>
    PaymentsFail,

    /// <summary>Ending 33: payments are paid out, then charged back (authorisation_disputed).</summary>
    ChargesBack,

    /// <summary>Ending 44: the mandate fails when set up (bank_account_closed).</summary>
    MandateFails,
}
