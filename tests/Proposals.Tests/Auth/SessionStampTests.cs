using System.Net;

namespace Proposals.Tests.Auth;

/// <summary>
/// A session outlives a restart (the data-protection keys stay), but not a change of the user's
/// password: the next worker, started with the new hash, refuses the old session.
/// </summary>
[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed class SessionStampTests
{
    [Fact]
    public async Task ASession_SurvivesARestart_ButNotAPasswordChange()
    {
        var settings = SignInHost.WithUsers();
        string cookie;
        await using (var first = await SignInHost.StartAsync(settings))
        {
            using var client = first.Client();
            await client.SignInOrFailAsync(SignInHost.Coordinator);
            cookie = client.SessionCookie();
        }

        HttpStatusCode sameSettings, newPassword;
        await using (var restarted = await SignInHost.StartAsync(settings))
        {
            sameSettings = await DashboardWithAsync(restarted, cookie);
        }
        settings["Auth:Users:0:PasswordHash"] = Proposals.Worker.Hosting.Auth.PasswordHashing.Hash("a-new-Pass-2026");
        await using (var changed = await SignInHost.StartAsync(settings))
        {
            newPassword = await DashboardWithAsync(changed, cookie);
        }

        Assert.Equal(HttpStatusCode.OK, sameSettings);
        Assert.Equal(HttpStatusCode.Redirect, newPassword);
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
