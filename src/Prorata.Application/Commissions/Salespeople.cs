using Microsoft.EntityFrameworkCore;
using Prorata.Data;
using Prorata.Data.Commissions;
using Prorata.Domain.Contracts;

namespace Prorata.Application.Commissions;

/// <summary>Salespeople: listed for every staff role, created and changed by Owner and Finance, through the API and the page alike.</summary>
public sealed class Salespeople(ProrataDbContext db, TimeProvider time)
{
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 254;

    public async Task<IReadOnlyList<Salesperson>> ListAsync(CancellationToken cancellationToken) =>
        await db.Salespeople.AsNoTracking().Include(s => s.Plans).OrderBy(s => s.Name).ThenBy(s => s.Email).ToListAsync(cancellationToken);

    public async Task<Salesperson?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Salespeople.AsNoTracking().Include(s => s.Plans).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    public async Task<CommissionResult<Salesperson>> CreateAsync(SalespersonDraft draft, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (name, email) = Validate(draft, errors);
        if (!errors.IsValid) return CommissionResult<Salesperson>.Invalid(errors.ToDictionary());
        if (await EmailTakenAsync(email, null, cancellationToken) is { } other) return Taken(email, other);
        var now = time.GetUtcNow();
        var person = new Salesperson { Id = Guid.CreateVersion7(now), Name = name, Email = email, Active = draft.Active ?? true, CreatedAt = now, UpdatedAt = now };
        db.Salespeople.Add(person);
        await db.SaveChangesAsync(cancellationToken);
        return CommissionResult<Salesperson>.Done(person);
    }

    public async Task<CommissionResult<Salesperson>> UpdateAsync(Guid id, SalespersonDraft draft, CancellationToken cancellationToken)
    {
        var person = await db.Salespeople.Include(s => s.Plans).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (person is null) return CommissionResult<Salesperson>.NotFound($"No salesperson has id '{id}'.");
        var errors = new ValidationErrors();
        var (name, email) = Validate(draft, errors);
        if (!errors.IsValid) return CommissionResult<Salesperson>.Invalid(errors.ToDictionary());
        if (await EmailTakenAsync(email, id, cancellationToken) is { } other) return Taken(email, other);
        (person.Name, person.Email, person.Active, person.UpdatedAt) = (name, email, draft.Active ?? person.Active, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return CommissionResult<Salesperson>.Done(person);
    }

    private static (string Name, string Email) Validate(SalespersonDraft draft, ValidationErrors errors)
    {
        var name = draft.Name?.Trim() ?? "";
        var email = draft.Email?.Trim() ?? "";
        if (name.Length == 0 || name.Length > MaxNameLength)
            errors.Add("name", $"name is required, at most {MaxNameLength} characters; got '{draft.Name}'.");
        var at = email.IndexOf('@');
        if (email.Length > MaxEmailLength || at <= 0 || at != email.LastIndexOf('@') || at == email.Length - 1 || email.Any(char.IsWhiteSpace))
            errors.Add("email", $"email must be an e-mail address such as ana@partner.example, at most {MaxEmailLength} characters; got '{draft.Email}'.");
        return (name, email);
    }

    private async Task<Salesperson?> EmailTakenAsync(string email, Guid? except, CancellationToken cancellationToken)
    {
        var lower = email.ToLowerInvariant();
        return await db.Salespeople.AsNoTracking().FirstOrDefaultAsync(s => s.Email.ToLower() == lower && s.Id != except, cancellationToken);
    }

    private static CommissionResult<Salesperson> Taken(string email, Salesperson other) =>
        CommissionResult<Salesperson>.Conflict($"email '{email}' is already the e-mail of salesperson {other.Name} ({other.Id}).");
}
