using System.Security.Cryptography;

namespace StripeSimulator.State;

/// <summary>Stripe's object ids: a prefix for the kind and 24 random letters and digits.</summary>
public static class Ids
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string New(string prefix) => $"{prefix}_{RandomNumberGenerator.GetString(Alphabet, 24)}";
}
