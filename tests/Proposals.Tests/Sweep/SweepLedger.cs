using Proposals.Domain.Reminders;
using Proposals.Storage;
using Proposals.Tests.Infrastructure;
using static Proposals.Tests.Infrastructure.Items;

namespace Proposals.Tests.Sweep;

/// <summary>
/// A ledger for sweeps on Monday 2019-09-30, the last working day before National Day 2019:
/// <code>
///   Sep 27 Fri  B due
///   Sep 29 Sun  working day: B's overdue-1
///   Sep 30 Mon  sweep: A's before-7, before-3 and before-1 (Oct 1, 5, 7: holidays) all fall here;
///               the one closest to the due date, before-1, is the one sent
///   Oct 1-7     National Day, no sweep sends
///   Oct 8 Tue   A due
/// </code>
/// C is answered and D returned: neither is reminded.
/// </summary>
internal static class SweepLedger
{
    public const string Day = "2019-09-30T09:00:00+08:00";
    public const string Coordinator = "zonghe@finance.example.org";

    public static async Task<TempLedger> CreateAsync()
    {
        var ledger = await new TempLedger().WithDivisionsAsync();
        await new ItemStore(ledger.Database).UpsertAsync([
            Make("0012", "2019-07-01", "2019-10-08", lead: "银行保险处", coDue: "2019-08-01"),
            Make("0027", "2019-06-27", "2019-09-27", lead: "金融服务处", kind: Domain.Ledger.ItemKind.Cppcc, session: "十四届三次", coDue: "2019-07-29"),
            Make("0031", "2019-07-01", "2019-10-08", lead: "银行保险处", replied: "2019-09-20"),
            Make("0045", "2019-07-01", "2019-10-08", lead: "综合处", returned: true),
        ]);
        return ledger;
    }

    /// <summary>
    /// Settings that send through an SMTP server on 127.0.0.1:<paramref name="port"/>, one email per
    /// reminder (Reminders:Grouping item): the faults are a sender's, whichever way reminders are grouped;
    /// the divisions' morning email has tests of its own (MorningEmailTests).
    /// </summary>
    public static Dictionary<string, string?> Smtp(int port) => new()
    {
        ["Reminders:Grouping"] = "item",
        ["Mail:Transport"] = "smtp",
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
        ["Mail:Smtp:TimeoutSeconds"] = "5",
        ["Mail:From"] = "建议提案催办 <proposals@finance.example.org>",
        ["Mail:Coordinator"] = Coordinator,
    };


    public static async Task<IReadOnlyDictionary<string, long>> StatesAsync(TempLedger ledger) =>
        (await new ReminderStore(ledger.Database).CountByStateAsync()).ToDictionary(s => s.Key.Code(), s => s.Value);
}
