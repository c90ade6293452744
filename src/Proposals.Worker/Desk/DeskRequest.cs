using System.Globalization;
using Hangfire.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using Proposals.Domain.Ledger;
using Proposals.Worker.Hosting;

namespace Proposals.Worker.Desk;

/// <summary>What a desk page needs from the request: the program's parts, today, and the filters it was asked for.</summary>
internal sealed class DeskRequest(RazorPage page)
{
    private readonly IServiceProvider _services = page.Context.GetHttpContext().RequestServices;

    /// <summary>One of the program's parts.</summary>
    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Today in the bureau's zone.</summary>
    public DateOnly Today => Get<LedgerOptions>().Today(Get<TimeProvider>());

    /// <summary>An instant as the bureau's local time with its offset: 2026-12-02 16:28 +08:00.</summary>
    public string Local(DateTimeOffset at) => Get<LedgerOptions>().Shown(at);

    /// <summary>The query value <paramref name="name"/>, trimmed; null when absent or empty.</summary>
    public string? Text(string name) => page.Query(name) is { } value && value.Trim().Length > 0 ? value.Trim() : null;

    /// <summary>A whole number from the query within [<paramref name="min"/>, <paramref name="max"/>]; null when absent or out of range.</summary>
    public long? Number(string name, long min, long max) =>
        long.TryParse(Text(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n : null;

    /// <summary>The kind filter (npc or cppcc); null for both.</summary>
    public ItemKind? Kind => ItemKinds.Parse(Text("kind"));

    /// <summary>ISO text of a date.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A whole number as text.</summary>
    public static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
}
