using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Prorata.Application.ApiKeys;
using Prorata.Cli.ApiKeys;
using Prorata.Testing;
using KeyStore = Prorata.Application.ApiKeys.ApiKeys;

namespace Prorata.Cli.Tests;

/// <summary>
/// `prorata api-keys` on its own SQLite file at 2026-03-20 10:00 UTC: a key made on the command line is printed once, alone on
/// standard output, is stored as its hash, authenticates with its role until it is revoked by its prefix, and bad arguments
/// are named.
/// </summary>
public sealed class ApiKeysCommandTests : IAsyncLifetime
{
    private readonly SqliteDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 20, 10, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Create_PrintsTheKeyOnce_ListShowsItWithoutTheSecret_RevokeByPrefixRefusesIt()
    {
        var made = await ApiKeysAsync("create", "--name", "PSA sync", "--role", "sales", "--expires", "2026-12-31", "--as", "Fiona");

        Assert.Equal(0, made.Exit);
        var secret = made.Output.TrimEnd('\n');
        Assert.Matches("^prk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$", secret);
        var prefix = secret[..36];
        Assert.Equal($"made API key PSA sync (Sales), {prefix}, expires 2026-12-31 00:00 UTC.\n"
            + "The key above is shown only this once: store it now. Prorata keeps only its hash.\n", made.Error);
        await using (var db = CommandRun.Open(_database))
        {
            var stored = await db.ApiKeys.AsNoTracking().SingleAsync();
            Assert.Equal(ApiKeyToken.Hash(secret[37..]), stored.SecretHash);
            Assert.Equal(("PSA sync", "Sales", "Fiona"), (stored.Name, stored.Role, stored.CreatedBy));
            var check = await new KeyStore(db, _time).AuthenticateAsync(secret, CancellationToken.None);
            Assert.Equal(("Sales", null), (check.Caller?.Role, check.Refusal));
        }

        var listed = await ApiKeysAsync("list");
        Assert.Equal((0, "API keys\n"
            + $"{prefix} PSA sync (Sales): active; created 2026-03-20 10:00 UTC by Fiona, last used 2026-03-20 10:00 UTC, expires 2026-12-31 00:00 UTC\n", ""), listed);
        Assert.DoesNotContain(secret[37..], listed.Output);

        var revoked = await ApiKeysAsync("revoke", prefix, "--as", "Fiona");
        Assert.Equal((0, $"{prefix} PSA sync (Sales): revoked 2026-03-20 10:00 UTC by Fiona\n", ""), revoked);
        await using (var db = CommandRun.Open(_database))
        {
            var check = await new KeyStore(db, _time).AuthenticateAsync(secret, CancellationToken.None);
            Assert.Equal((null, $"API key {prefix} was revoked at 2026-03-20T10:00:00Z."), (check.Caller, check.Refusal));
        }
        Assert.Equal((1, "", $"There is no API key '{Guid.Empty}'.\n"), await ApiKeysAsync("revoke", Guid.Empty.ToString()));
    }

    [Fact]
    public async Task Create_BadArguments_Exit2NamingEach_NothingMade()
    {
        var refused = await ApiKeysAsync("create", "--role", "Auditor", "--expires", "2026-03-01");
        var badDate = await ApiKeysAsync("create", "--name", "x", "--role", "ReadOnly", "--expires", "next week");
        var noVerb = await ApiKeysAsync("rotate");

        Assert.Equal((2, "", "--name: name is required: what the key is for, such as 'PSA sync'; got ''.\n"
            + "--role: role must be one of Owner, BillingAdmin, Finance, Sales, ReadOnly; got 'Auditor'.\n"
            + "--expires: expiresAt must be in the future (after 2026-03-20T10:00:00Z); got '2026-03-01T00:00:00+00:00'.\n"), refused);
        Assert.Equal((2, "", "--expires must be a date yyyy-MM-dd or an instant such as 2026-06-30T00:00:00Z; got 'next week'.\n"), badDate);
        Assert.Equal(2, noVerb.Exit);
        Assert.StartsWith("unknown verb 'rotate'\n", noVerb.Error);
        Assert.Equal((0, "API keys: none\n", ""), await ApiKeysAsync("list"));
    }

    private Task<(int Exit, string Output, string Error)> ApiKeysAsync(params string[] args) =>
        CommandRun.RunAsync(ApiKeysCommand.RunAsync, _time, [.. args, "--connection", _database.ConnectionString]);
}
