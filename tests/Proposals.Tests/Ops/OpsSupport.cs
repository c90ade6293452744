using System.CommandLine;
using Proposals.Worker.Cli;

namespace Proposals.Tests.Ops;

internal static class OpsSupport
{
    /// <summary>The repository root: the folder above the test binaries that holds Proposals.sln.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Proposals.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Proposals.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Runs <c>proposals backup ARGS</c>; user mistakes surface as the exception the program maps to exit code 2.</summary>
    public static async Task<(int Exit, string Out)> BackupAsync(params string[] args)
    {
        var output = new StringWriter();
        var console = new Worker.Cli.Console(output, new StringWriter(), TimeProvider.System);
        var root = new RootCommand { BackupCommand.Create(console) };
        var parse = root.Parse(["backup", .. args]);
        Assert.Empty(parse.Errors);
        var exit = await parse.InvokeAsync(new InvocationConfiguration { Output = output, EnableDefaultExceptionHandler = false });
        return (exit, output.ToString());
    }
}
