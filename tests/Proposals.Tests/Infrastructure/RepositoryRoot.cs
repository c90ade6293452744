namespace Proposals.Tests.Infrastructure;

/// <summary>The checkout's top folder (the one with Proposals.sln), for seeds and tools.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Proposals.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"Proposals.sln not found above {AppContext.BaseDirectory}");
    }
}
