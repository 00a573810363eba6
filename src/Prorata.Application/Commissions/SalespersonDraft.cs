namespace Prorata.Application.Commissions;

/// <summary>A salesperson as the API and the page send it; <see cref="Active"/> null: active when created, unchanged when updated.</summary>
public sealed record SalespersonDraft(string? Name, string? Email, bool? Active);
