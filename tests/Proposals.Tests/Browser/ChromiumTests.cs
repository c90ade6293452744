namespace Proposals.Tests.Browser;

/// <summary>Without a browser the browser tests fail, saying how to install one; they are never skipped.</summary>
[Collection(Hosting.InProcessWorkerCollection.Name)]
public sealed class ChromiumTests
{
    [Fact]
    public async Task WithoutTheBrowser_LaunchFails_SayingHowToInstallIt()
    {
        var before = Environment.GetEnvironmentVariable("PROPOSALS_TEST_CHROMIUM");
        Environment.SetEnvironmentVariable("PROPOSALS_TEST_CHROMIUM", "/nonexistent/chromium");
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(Chromium.LaunchAsync);

            Assert.StartsWith("BROWSER TESTS CANNOT RUN: /nonexistent/chromium is missing.", error.Message);
            Assert.Contains("apt-get install -y chromium fonts-noto-cjk", error.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PROPOSALS_TEST_CHROMIUM", before);
        }
    }
}
