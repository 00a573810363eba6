namespace Prorata.Application.Receivables.Collection;

public enum CollectionState
{
    Collected,
    Pending,
    Refused,
}
