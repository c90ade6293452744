using Microsoft.Extensions.Configuration;

namespace Proposals.Worker.Hosting;

/// <summary>
/// The one configuration every command reads: appsettings.json (beside the program, then in the
/// working directory), appsettings.{Environment}.json, environment variables, then the command line.
/// </summary>
internal static class AppConfiguration
{
    /// <summary>The environment name, as .NET hosts read it.</summary>
    public static string EnvironmentName =>
        Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ??
        Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";

    /// <summary>Adds the sources in order to <paramref name="builder"/>; later sources win.</summary>
    public static IConfigurationBuilder AddProposalsSources(this IConfigurationBuilder builder, IReadOnlyDictionary<string, string?> commandLine)
    {
        var environment = EnvironmentName;
        var programFolder = AppContext.BaseDirectory;
        var workingFolder = Directory.GetCurrentDirectory();
        builder.AddJsonFile(Path.Combine(programFolder, "appsettings.json"), optional: true, reloadOnChange: false);
        builder.AddJsonFile(Path.Combine(programFolder, $"appsettings.{environment}.json"), optional: true, reloadOnChange: false);
        if (!string.Equals(Path.GetFullPath(programFolder).TrimEnd('/', '\\'), workingFolder.TrimEnd('/', '\\'), StringComparison.Ordinal))
        {
            builder.AddJsonFile(Path.Combine(workingFolder, "appsettings.json"), optional: true, reloadOnChange: false);
            builder.AddJsonFile(Path.Combine(workingFolder, $"appsettings.{environment}.json"), optional: true, reloadOnChange: false);
        }
        builder.AddEnvironmentVariables();
        builder.AddInMemoryCollection(commandLine);
        return builder;
    }

    /// <summary>The configuration alone, for commands that do not start the host.</summary>
    public static IConfigurationRoot Build(IReadOnlyDictionary<string, string?> commandLine) =>
        new ConfigurationBuilder().AddProposalsSources(commandLine).Build();
}
