using System.CommandLine;
using System.Diagnostics;
using Proposals.Worker.Cli;
using Proposals.Worker.Hosting.Auth;

namespace Proposals.Tests.Cli;

/// <summary><c>proposals hash-password</c>: a password on standard input, its hash alone on standard output.</summary>
public sealed class HashPasswordCommandTests
{
    [Fact]
    public async Task PrintsOnlyAHash_ThatTheSignInAccepts()
    {
        var (exit, output, _) = await RunAsync("zonghe-Pass-2026\n");

        var hash = output.TrimEnd('\n');
        Assert.Equal(0, exit);
        Assert.DoesNotContain('\n', hash);
        Assert.True(PasswordHashing.IsHash(hash));
        Assert.True(PasswordHashing.Verify(hash, "zonghe-Pass-2026"));
        Assert.DoesNotContain("zonghe-Pass-2026", output);
    }

    [Fact]
    public async Task ReadsTheFirstLineOnly_KeepingSpacesInside()
    {
        var (_, output, _) = await RunAsync("pass with spaces \nsecond line\n");

        Assert.True(PasswordHashing.Verify(output.TrimEnd('\n'), "pass with spaces "));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    public async Task RefusesAnEmptyPassword_WithExitCode2_AndPrintsNothing(string input)
    {
        var (exit, output, error) = await RunAsync(input);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("密码为空", error);
    }

    [Fact]
    public async Task TheProgram_ReadsStandardInput_WhenPiped()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "proposals.dll"));
        start.ArgumentList.Add("hash-password");
        using var process = Process.Start(start)!;

        await process.StandardInput.WriteLineAsync("管理员-Pass-2026");
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, error);
        Assert.True(PasswordHashing.Verify(output.Trim(), "管理员-Pass-2026"));
        Assert.Equal("", error);
    }

    private static async Task<(int Exit, string Out, string Error)> RunAsync(string input)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter();
        var console = new Proposals.Worker.Cli.Console(output, error, TimeProvider.System);
        var root = new RootCommand { HashPasswordCommand.Create(console, new StringReader(input)) };
        var exit = await root.Parse(["hash-password"]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
