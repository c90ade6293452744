using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Proposals.Worker.Hosting;

/// <summary>
/// A section of settings bound to its options class and checked by the class's own rules, each
/// problem naming the setting. The worker checks every section when it starts (ValidateOnStart); a
/// command checks a section the first time it uses it, so that `deadline` does not refuse to run
/// over a broken mail setting it never reads.
/// </summary>
internal static class SettingsValidation
{
    /// <summary>Binds <paramref name="section"/> to <typeparamref name="T"/>, checks it with <paramref name="rules"/>, and registers the value.</summary>
    public static IServiceCollection AddSettings<T>(this IServiceCollection services, IConfiguration configuration, string section, Func<T, IEnumerable<string>> rules)
        where T : class
    {
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new Rules<T>(rules));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return services;
    }

    /// <summary>The problems an options failure lists, as the program reports broken settings.</summary>
    public static SettingsException ToSettingsException(OptionsValidationException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new SettingsException(e.Failures.ToList());
    }

    private sealed class Rules<T>(Func<T, IEnumerable<string>> rules) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var problems = rules(options).ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
