using Microsoft.Extensions.Time.Testing;
using Proposals.Worker.Cli;

namespace Proposals.Tests.Infrastructure;

/// <summary>Runs the <c>proposals</c> command line in-process, with its output captured and settings of the test's own.</summary>
internal sealed class Cli(IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null)
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public Task<Result> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

    public async Task<Result> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await ProposalsCommand.RunAsync(args, new Proposals.Worker.Cli.Console(output, error, clock ?? TimeProvider.System, settings), cancellationToken);
        return new Result(code, output.ToString(), error.ToString());
    }

    /// <summary>A clock standing at 09:00 Beijing time on <paramref name="day"/>.</summary>
    public static TimeProvider At(string day) =>
        new FakeTimeProvider(new DateTimeOffset(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)));
}
