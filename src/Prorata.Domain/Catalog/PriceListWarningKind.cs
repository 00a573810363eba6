namespace Prorata.Domain.Catalog;

/// <summary>What an imported price list may get wrong without being unreadable (<see cref="PriceListChecks"/>).</summary>
public enum PriceListWarningKind
{
    /// <summary>The file holds far fewer offers than the list it replaces, or whole products of it are missing.</summary>
    PartialList,

    /// <summary>Offers of the list it replaces are absent while running subscriptions use them.</summary>
    RemovedOfferInUse,

    /// <summary>An offer's cost rose or fell by more than <see cref="PriceListChecks.CostChangeShare"/>.</summary>
    CostChange,

    /// <summary>Rows take effect far in the future or long before the import.</summary>
    EffectiveDate,

    /// <summary>A term billed in several cycles is priced like one cycle, not the whole term (microsoft-csp.md §1.2).</summary>
    TermPriceLooksPerCycle,
}
