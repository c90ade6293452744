using Proposals.Benchmarks.Results;

namespace Proposals.Benchmarks.Harness;

/// <summary>What every part of a run shares: the options, the work folder and databases, the program, the baselines, the results.</summary>
internal sealed record BenchContext(
    BenchOptions Options, Workspace Workspace, ProgramUnderTest Program, Baselines Baselines, Recorder Recorder, string RepositoryRoot);
