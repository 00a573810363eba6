using System.Net;

namespace Prorata.Security.Tests;

public static class ClientExtensions
{
    /// <summary>Signs the client in through the real form and returns it.</summary>
    public static async Task<HttpClient> SignInThroughFormAsync(this HttpClient client, string email, string password)
    {
        var response = await SecurityApp.PostFormAsync(client, "/signin", new() { ["Form.Email"] = email, ["Form.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
