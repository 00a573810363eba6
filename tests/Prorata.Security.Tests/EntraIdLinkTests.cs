using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Prorata.Data.Identity;
using Prorata.Web.Features.Account;

namespace Prorata.Security.Tests;

/// <summary>Issue 18: Entra ID finds a staff user by the token's object id; the email only links the first sign-in.</summary>
[Collection(AppCollection.Name)]
public sealed class EntraIdLinkTests(SecurityApp app)
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    [Fact]
    public async Task FirstSignInLinksByEmail_ThenOnlyThatObjectIdGetsIn()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var links = scope.ServiceProvider.GetRequiredService<EntraIdLinks>();
        var email = $"entra-{Guid.NewGuid():N}@contoso.example";
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        var first = Guid.NewGuid().ToString();

        var linked = await links.ResolveAsync(Principal(first, email));
        var again = await links.ResolveAsync(Principal(first, "renamed@contoso.example"));
        var impostor = await links.ResolveAsync(Principal(Guid.NewGuid().ToString(), email));

        Assert.Equal((user.Id, null), (linked.User?.Id, linked.Error));
        Assert.Equal((user.Id, null), (again.User?.Id, again.Error));
        Assert.Equal((null, EntraIdLinks.OtherAccount), (impostor.User?.Id, impostor.Error));
    }

    [Fact]
    public async Task UnknownEmailOrNoObjectId_IsRefused()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var links = scope.ServiceProvider.GetRequiredService<EntraIdLinks>();

        Assert.Equal(EntraIdLinks.UnknownUser, (await links.ResolveAsync(Principal(Guid.NewGuid().ToString(), "stranger@contoso.example"))).Error);
        Assert.Equal(EntraIdLinks.Incomplete, (await links.ResolveAsync(new ClaimsPrincipal(new ClaimsIdentity([new Claim("email", SecurityApp.EmailOf("Owner"))], "EntraId")))).Error);
    }

    private static ClaimsPrincipal Principal(string objectId, string email) =>
        new(new ClaimsIdentity([new Claim("oid", objectId), new Claim("tid", Tenant), new Claim("email", email)], "EntraId"));
}
