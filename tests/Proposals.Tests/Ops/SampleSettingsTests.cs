using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Proposals.Mail;
using Proposals.Worker.Hosting;
using Proposals.Worker.Hosting.Auth;
using Proposals.Worker.Reporting;
using Proposals.Worker.Reminders;

namespace Proposals.Tests.Ops;

/// <summary>
/// appsettings.sample.json names every setting the program reads, with the value the program uses
/// when nothing is set (the options classes' defaults under the shipped appsettings.json).
/// </summary>
public sealed class SampleSettingsTests
{
    /// <summary>The sections bound to options classes.</summary>
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Ledger"] = typeof(LedgerOptions),
        ["Reminders"] = typeof(ReminderOptions),
        ["Mail"] = typeof(MailOptions),
        ["Reports"] = typeof(ReportOptions),
        ["Dashboard"] = typeof(DashboardOptions),
        ["Templates"] = typeof(TemplateOptions),
        ["Auth"] = typeof(AuthOptions),
        ["Import"] = typeof(Proposals.Worker.Import.ImportOptions),
    };

    /// <summary>The settings read one by one, with the program's default when no file sets them.</summary>
    private static readonly Dictionary<string, string> Single = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ConnectionStrings:Proposals"] = Proposals.Storage.LedgerDatabase.DefaultConnectionString,
        ["Storage:Provider"] = "sqlite",
        ["AllowedHosts"] = "",
    };

    /// <summary>Log levels may be given for any category.</summary>
    private const string LogLevels = "Logging:LogLevel:";

    private static readonly IConfigurationRoot Sample = Load(Path.Combine(OpsSupport.RepoRoot(), "appsettings.sample.json"));
    private static readonly IConfigurationRoot Shipped = Load(Path.Combine(OpsSupport.RepoRoot(), "src", "Proposals.Worker", "appsettings.json"));

    [Fact]
    public void EveryKeyOfTheSample_IsASettingTheProgramReads()
    {
        var unknown = Keys(Sample).Where(key => !IsKnown(key)).ToList();

        Assert.True(unknown.Count == 0, "appsettings.sample.json has keys no options class reads: " + string.Join(", ", unknown));
        Assert.Contains(Keys(Sample), k => k.StartsWith(LogLevels, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void EverySettingTheProgramReads_IsInTheSample()
    {
        var keys = Keys(Sample).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var expected = Sections.SelectMany(s => SettingPaths(s.Key, s.Value)).Concat(Single.Keys).ToList();

        var missing = expected.Where(path => !keys.Contains(path) && !keys.Any(k => k.StartsWith(path + ":", StringComparison.OrdinalIgnoreCase))).ToList();

        Assert.True(missing.Count == 0, "appsettings.sample.json lacks: " + string.Join(", ", missing));
        Assert.Contains("Mail:Smtp:TimeoutSeconds", expected);
    }

    [Fact]
    public void EveryOptionsClassOfTheProgram_IsCoveredHere()
    {
        var options = new[] { typeof(LedgerOptions).Assembly, typeof(MailOptions).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Name.EndsWith("Options", StringComparison.Ordinal) && !t.IsNested)
            .Where(t => t.GetProperties().Any(p => p.CanWrite))
            .ToList();
        var covered = Sections.Values.SelectMany(t => new[] { t }.Concat(NestedOptionTypes(t))).ToHashSet();

        var uncovered = options.Where(t => !covered.Contains(t)).Select(t => t.FullName).ToList();

        Assert.True(uncovered.Count == 0, "options classes missing from appsettings.sample.json and this test: " + string.Join(", ", uncovered));
    }

    [Fact]
    public void TheSampleValues_AreTheProgramsDefaults()
    {
        var differences = new List<string>();
        foreach (var (section, type) in Sections)
        {
            var expected = Activator.CreateInstance(type)!;
            Shipped.GetSection(section).Bind(expected);
            var actual = Activator.CreateInstance(type)!;
            Sample.GetSection(section).Bind(actual);
            Compare(section, type, expected, actual, differences);
        }
        foreach (var (key, fallback) in Single)
        {
            var expected = Shipped[key] ?? fallback;
            if (!string.Equals(expected, Sample[key], StringComparison.Ordinal)) differences.Add($"{key}: sample '{Sample[key]}', default '{expected}'");
        }

        Assert.True(differences.Count == 0, "appsettings.sample.json differs from the defaults: " + string.Join("; ", differences));
    }

    [Fact]
    public void EveryKeyOfTheShippedSettings_HasTheSameValueInTheSample()
    {
        var differences = Shipped.AsEnumerable().Where(kv => kv.Value is not null)
            .Where(kv => !string.Equals(kv.Value, Sample[kv.Key], StringComparison.Ordinal))
            .Select(kv => $"{kv.Key}: shipped '{kv.Value}', sample '{Sample[kv.Key]}'")
            .ToList();

        Assert.True(differences.Count == 0, string.Join("; ", differences));
    }

    [Fact]
    public void TheSample_IsAUsableConfiguration()
    {
        var services = new ServiceCollection();

        services.AddProposals(Sample);
        services.AddProposalsWeb(Sample);

        using var provider = services.BuildServiceProvider();
        Assert.Equal("Asia/Shanghai", provider.GetRequiredService<LedgerOptions>().TimeZone);
        Assert.Equal([15, 7, 3, 1], provider.GetRequiredService<Domain.Reminders.ReminderPolicy>().DaysBefore);
        Assert.Null(provider.GetRequiredService<ReminderOptions>().MaxOverdueStages);
        Assert.Equal(SmtpSecurity.StartTls, provider.GetRequiredService<MailOptions>().Smtp.Security);
        Assert.False(provider.GetRequiredService<UserStore>().Enabled);
    }

    private static IConfigurationRoot Load(string path)
    {
        Assert.True(File.Exists(path), $"{path} is missing");
        return new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false).Build();
    }

    /// <summary>The leaf keys, as the configuration flattens them (arrays as :0, :1, ...).</summary>
    private static IEnumerable<string> Keys(IConfigurationRoot configuration) =>
        configuration.AsEnumerable().Where(kv => !configuration.GetSection(kv.Key).GetChildren().Any()).Select(kv => kv.Key).Order();

    private static bool IsKnown(string key)
    {
        if (key.StartsWith(LogLevels, StringComparison.OrdinalIgnoreCase)) return key.Length > LogLevels.Length;
        if (Single.ContainsKey(key)) return true;
        var parts = key.Split(':');
        if (!Sections.TryGetValue(parts[0], out var type)) return false;
        for (var i = 1; i < parts.Length; i++)
        {
            var property = Settable(type).FirstOrDefault(p => p.Name.Equals(parts[i], StringComparison.OrdinalIgnoreCase));
            if (property is null) return false;
            // A list is given as items (KEY:0, KEY:1, ...) or, left empty, as the key alone.
            if (IsList(property.PropertyType)) return i == parts.Length - 1 || (i == parts.Length - 2 && int.TryParse(parts[^1], out _));
            type = property.PropertyType;
        }
        return !IsOptionsClass(type);
    }

    private static IEnumerable<string> SettingPaths(string prefix, Type type)
    {
        foreach (var property in Settable(type))
        {
            var path = $"{prefix}:{property.Name}";
            if (IsOptionsClass(property.PropertyType))
            {
                foreach (var nested in SettingPaths(path, property.PropertyType)) yield return nested;
            }
            else
            {
                yield return path;
            }
        }
    }

    private static IEnumerable<Type> NestedOptionTypes(Type type) =>
        Settable(type).Select(p => p.PropertyType).Where(IsOptionsClass).SelectMany(t => new[] { t }.Concat(NestedOptionTypes(t)));

    private static void Compare(string path, Type type, object expected, object actual, List<string> differences)
    {
        foreach (var property in Settable(type))
        {
            var where = $"{path}:{property.Name}";
            var e = property.GetValue(expected);
            var a = property.GetValue(actual);
            if (IsOptionsClass(property.PropertyType))
            {
                Compare(where, property.PropertyType, e!, a!, differences);
            }
            else if (!SameValue(e, a))
            {
                differences.Add($"{where}: sample '{Show(a)}', default '{Show(e)}'");
            }
        }
    }

    // An empty string and null mean the same to every setting that may be left empty.
    private static bool SameValue(object? e, object? a) => (e, a) switch
    {
        (null or "", null or "") => true,
        (IEnumerable x, IEnumerable y) when e is not string => x.Cast<object>().SequenceEqual(y.Cast<object>()),
        _ => Equals(e, a),
    };

    private static string Show(object? value) => value is IEnumerable list and not string ? string.Join(",", list.Cast<object>()) : value?.ToString() ?? "null";

    private static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetSetMethod() is not null);

    private static bool IsList(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    private static bool IsOptionsClass(Type type) => type.IsClass && type != typeof(string) && !IsList(type);
}
