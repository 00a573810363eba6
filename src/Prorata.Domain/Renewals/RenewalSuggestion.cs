namespace Prorata.Domain.Renewals;

/// <summary>
/// What to do at a renewal, as staff read it: <see cref="Seats"/> is the quantity to renew with (null without license
/// data), <see cref="Text"/> the sentence ("200 purchased, 150 assigned: schedule 150 at renewal"), and
/// <see cref="TermNote"/> what renewing commits to for the renewal's term.
/// </summary>
public sealed record RenewalSuggestion(RenewalSuggestionKind Kind, int? Seats, string Text, string? TermNote);
