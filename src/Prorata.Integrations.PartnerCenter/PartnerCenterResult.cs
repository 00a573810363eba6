using System.Diagnostics.CodeAnalysis;

namespace Prorata.Integrations.PartnerCenter;

/// <summary>The outcome of a change sent to Partner Center: the new state, or a <see cref="Refusal"/> (never an exception).</summary>
public sealed class PartnerCenterResult<T>
{
    private PartnerCenterResult(T? value, Refusal? refusal)
    {
        Value = value;
        Refusal = refusal;
    }

    public T? Value { get; }

    public Refusal? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsSuccess => Refusal is null;

    public static PartnerCenterResult<T> Success(T value) => new(value, null);

    public static PartnerCenterResult<T> Refused(Refusal refusal) => new(default, refusal);

    public override string ToString() => IsSuccess ? $"Success({Value})" : $"Refused({Refusal.Code}: {Refusal.Message})";
}
