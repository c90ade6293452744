using System.Net;
using Proposals.Storage;
using Proposals.Tests.Infrastructure;
using Proposals.Worker.Hosting.Auth;

namespace Proposals.Tests.Auth;

/// <summary>
/// Signing out ends the session everywhere: a copy of the cookie (taken from a shared computer, say)
/// no longer opens the dashboard, on the worker that signed it out at once, on every other worker of
/// the ledger once its short check interval has passed.
/// </summary>
[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed class SignOutTests
{
    [Fact]
    public async Task ASignedOutSession_IsRefused_OnEveryWorkerOfTheLedger()
    {
        using var ledger = new TempLedger();
        var settings = SignInHost.WithUsers();
        await using var first = await SignInHost.StartAsync(settings, ledger);
        await using var second = await SignInHost.StartAsync(settings, ledger);
        using var client = first.Client();
        await client.SignInOrFailAsync(SignInHost.Coordinator);
        var copy = client.SessionCookie();
        var beforeOnSecond = await DashboardWithAsync(second, copy);

        using var signedOut = await client.PostFormAsync("/logout", new Dictionary<string, string> { ["__RequestVerificationToken"] = await client.LogoutTokenAsync() });
        var onFirst = await DashboardWithAsync(first, copy);
        second.Clock.Advance(SessionRevocations.CheckEvery);
        var onSecond = await DashboardWithAsync(second, copy);

        Assert.Equal(HttpStatusCode.OK, beforeOnSecond);
        Assert.Equal(HttpStatusCode.SeeOther, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, onFirst);
        Assert.Equal(HttpStatusCode.Redirect, onSecond);
    }

    [Fact]
    public async Task ASignedOutSession_StaysRefused_AfterARestart_AndOtherSessionsOfTheUserGoOn()
    {
        using var ledger = new TempLedger();
        var settings = SignInHost.WithUsers();
        string copy, other;
        await using (var worker = await SignInHost.StartAsync(settings, ledger))
        {
            using var client = worker.Client();
            using var elsewhere = worker.Client();
            await client.SignInOrFailAsync(SignInHost.Coordinator);
            await elsewhere.SignInOrFailAsync(SignInHost.Coordinator);
            copy = client.SessionCookie();
            other = elsewhere.SessionCookie();
            using var signedOut = await client.PostFormAsync("/logout", new Dictionary<string, string> { ["__RequestVerificationToken"] = await client.LogoutTokenAsync() });
        }

        await using var restarted = await SignInHost.StartAsync(settings, ledger);

        Assert.Equal(HttpStatusCode.Redirect, await DashboardWithAsync(restarted, copy));
        Assert.Equal(HttpStatusCode.OK, await DashboardWithAsync(restarted, other));
        Assert.True(await new SessionRevocationStore(ledger.Database).IsRevokedAsync(
            Assert.Single(await RevokedIdsAsync(ledger))));
    }

    private static async Task<List<string>> RevokedIdsAsync(TempLedger ledger)
    {
        await using var connection = await ledger.Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT session_id FROM session_revocations";
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetString(0));
        return ids;
    }

    private static async Task<HttpStatusCode> DashboardWithAsync(SignInHost host, string cookie)
    {
        using var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        request.Headers.Add("Cookie", "proposals-session=" + cookie);
        using var response = await client.Http.SendAsync(request);
        return response.StatusCode;
    }
}
