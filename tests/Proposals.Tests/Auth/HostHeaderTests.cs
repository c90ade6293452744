using System.Net;

namespace Proposals.Tests.Auth;

/// <summary>
/// The worker answers only to the names it is known by: a page of another site whose name was made
/// to resolve to this machine (DNS rebinding) sends its own name as Host and gets 400.
/// </summary>
[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed class HostHeaderTests(SignInHostFixture fixture)
{
    private SignInHost Host => fixture.Host;

    [Theory]
    [InlineData("/health")]
    [InlineData("/login")]
    [InlineData("/hangfire")]
    public async Task ForeignHost_Gets400(string path)
    {
        using var client = Host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "rebind.attacker.example";

        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("proposals.bureau.example")]
    public async Task KnownHost_IsServed(string host)
    {
        using var client = Host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Host = $"{host}:{Host.BaseAddress.Port}";

        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
