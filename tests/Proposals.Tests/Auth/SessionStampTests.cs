using System.Net;
using Proposals.Storage;
using Proposals.Tests.Infrastructure;
using Proposals.Worker.Hosting.Auth;

namespace Proposals.Tests.Auth;

/// <summary>
/// The keys that sign a session are the ledger's: a session outlives a restart and is good on every
/// worker of the same ledger, but not on a worker of another ledger, nor after a change of the user's
/// password (the next worker, started with the new hash, refuses the old session).
/// </summary>
[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed class SessionStampTests
{
    [Fact]
    public async Task ASession_SurvivesARestart_ButNotAPasswordChange()
    {
        using var ledger = new TempLedger();
        var settings = SignInHost.WithUsers();
        string cookie;
        await using (var first = await SignInHost.StartAsync(settings, ledger))
        {
            using var client = first.Client();
            await client.SignInOrFailAsync(SignInHost.Coordinator);
            cookie = client.SessionCookie();
        }

        HttpStatusCode sameSettings, newPassword;
        await using (var restarted = await SignInHost.StartAsync(settings, ledger))
        {
            sameSettings = await DashboardWithAsync(restarted, cookie);
        }
        settings["Auth:Users:0:PasswordHash"] = PasswordHashing.Hash("a-new-Pass-2026", 1_000);
        await using (var changed = await SignInHost.StartAsync(settings, ledger))
        {
            newPassword = await DashboardWithAsync(changed, cookie);
        }

        Assert.Equal(HttpStatusCode.OK, sameSettings);
        Assert.Equal(HttpStatusCode.Redirect, newPassword);
    }

    [Fact]
    public async Task ASession_IsGoodOnEveryWorkerOfTheLedger_AndOnNoOther()
    {
        using var ledger = new TempLedger();
        var settings = SignInHost.WithUsers();
        await using var first = await SignInHost.StartAsync(settings, ledger);
        await using var second = await SignInHost.StartAsync(settings, ledger);
        await using var elsewhere = await SignInHost.StartAsync(settings);
        using var client = first.Client();
        await client.SignInOrFailAsync(SignInHost.Coordinator);

        var onSecond = await DashboardWithAsync(second, client.SessionCookie());
        var onElsewhere = await DashboardWithAsync(elsewhere, client.SessionCookie());

        Assert.Equal(HttpStatusCode.OK, onSecond);
        Assert.Equal(HttpStatusCode.Redirect, onElsewhere);
        var key = Assert.Single(await new SecretStore(ledger.Database).ValuesStartingWithAsync(LedgerKeyRing.Prefix));
        Assert.StartsWith("<key id=", key, StringComparison.Ordinal);
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
