using Microsoft.Extensions.Configuration;
using Proposals.Worker.Hosting;

namespace Proposals.Tests.Auth;

/// <summary>The host names the worker answers to, from Dashboard:Urls, Dashboard:PublicUrl and AllowedHosts.</summary>
public sealed class AllowedHostsFacts
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", null, "localhost;127.0.0.1;[::1]")]
    [InlineData("http://localhost:5080", null, "localhost;127.0.0.1;[::1]")]
    [InlineData("http://[::1]:5080", null, "localhost;127.0.0.1;[::1]")]
    [InlineData("http://127.0.0.1:5080", "https://proposals.bureau.example", "localhost;127.0.0.1;[::1];proposals.bureau.example")]
    [InlineData("http://10.1.2.3:5080", null, "10.1.2.3")]
    [InlineData("http://0.0.0.0:5080", "https://proposals.bureau.example/", "localhost;127.0.0.1;[::1];proposals.bureau.example")]
    [InlineData("http://proposals01:5080;http://127.0.0.1:5080", null, "proposals01;localhost;127.0.0.1;[::1]")]
    public void Defaults_AreTheListeningNames_AndThePublicOne(string urls, string? publicUrl, string expected)
    {
        var hosts = AllowedHosts.From(Configuration(null), new DashboardOptions { Urls = urls, PublicUrl = publicUrl });

        Assert.Equal(expected.Split(';'), hosts);
    }

    [Fact]
    public void AllowedHosts_WhenSet_Wins()
    {
        var hosts = AllowedHosts.From(Configuration("proposals.bureau.example; monitor.bureau.example"), new DashboardOptions());

        Assert.Equal(["proposals.bureau.example", "monitor.bureau.example"], hosts);
    }

    [Theory]
    [InlineData("https://proposals.bureau.example", true)]
    [InlineData("https://proposals.bureau.example/", true)]
    [InlineData("https://proposals.bureau.example:8443", true)]
    [InlineData("https://proposals.bureau.example/proposals", false)]
    [InlineData("proposals.bureau.example", false)]
    [InlineData("ftp://proposals.bureau.example", false)]
    public void PublicUrl_IsTheSitesAddressAlone(string publicUrl, bool valid) =>
        Assert.Equal(valid, !new DashboardOptions { PublicUrl = publicUrl }.Validate().Any());

    [Theory]
    [InlineData("zh-CN", true)]
    [InlineData("en-US", true)]
    [InlineData("xx-nowhere", false)]
    [InlineData("", false)]
    public void Culture_IsOneThisMachineKnows(string culture, bool valid) =>
        Assert.Equal(valid, !new DashboardOptions { Culture = culture }.Validate().Any());

    private static IConfiguration Configuration(string? allowedHosts) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AllowedHosts"] = allowedHosts }).Build();
}
