namespace Proposals.Benchmarks.Harness;

/// <summary>The checkout the harness was built in: the folder above it that holds Proposals.sln.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Proposals.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"no Proposals.sln above {AppContext.BaseDirectory}");
    }
}
