using Microsoft.Extensions.Configuration;
using Proposals.Worker.Hosting;
using Proposals.Domain.Calendar;
using Proposals.Domain.Deadlines;
using Proposals.Domain.Ledger;
using Proposals.Storage;

namespace Proposals.Worker.Demo;

/// <summary>
/// A demo ledger whose items fall due around the day it is built: one a week ahead, one three days ahead, one due
/// today, one just overdue, one long overdue and key, one whose co-division's input is due tomorrow,
/// one answered and one returned. The first sweep then owes a reminder of every kind. It is built
/// once and then kept, like a real ledger, with what was recorded in it.
/// </summary>
internal static class DemoLedger
{
    public const string DatabasePath = "data/demo/proposals.db";
    public const string OutboxPath = "data/demo/outbox";
    public const string ReportsPath = "data/demo/reports";
    /// <summary>The session all demo items belong to: what tells them from real ones.</summary>
    public const string Session = "演示届次";

    // The item due on the sweep day the demo was built: how old a kept demo ledger is.
    private const string BuildDayItem = "D003";

    /// <summary>
    /// The settings the demo runs with, unless <paramref name="given"/> names them: every file it
    /// writes stays under data/demo/, its mail goes to the pickup folder whatever the settings files
    /// say (the demo's addresses are examples), its reminders carry answer links to this machine's
    /// dashboard unless a public address is configured, and it works around the clock, so that a
    /// newcomer trying it in the evening sees the reminders at once rather than the next morning.
    /// </summary>
    public static Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? given, IConfiguration configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var settings = new Dictionary<string, string?>
        {
            ["Mail:Transport"] = "pickup",
            ["Mail:PickupDirectory"] = OutboxPath,
            ["Reports:Directory"] = ReportsPath,
        };
        foreach (var key in settings.Keys.ToList())
            if (given?.ContainsKey(key) == true) settings.Remove(key);
        if (string.IsNullOrWhiteSpace(configured["Dashboard:PublicUrl"]))
        {
            var urls = configured["Dashboard:Urls"] is { Length: > 0 } configuredUrls ? configuredUrls : new DashboardOptions().Urls;
            settings["Dashboard:PublicUrl"] = urls.Split(';')[0].Trim().TrimEnd('/');
        }
        settings["Reminders:WorkingHoursFrom"] = "00:00";
        settings["Reminders:WorkingHoursUntil"] = "23:59";
        settings["Reminders:SweepAt"] = "09:00";
        return settings;
    }

    private static readonly Division[] Divisions =
    [
        new("综合处", "zonghe@finance.example.org", "zonghe.head@finance.example.org"),
        new("银行保险处", "yinbao@finance.example.org", "yinbao.head@finance.example.org"),
        new("地方金融监管处", "jianguan@finance.example.org", "jianguan.head@finance.example.org"),
        new("金融服务处", "fuwu@finance.example.org", null),
    ];

    /// <summary>
    /// Builds the demo ledger when it holds no items yet: the demo divisions, and items for the sweep
    /// day (today when it is a working day, else the last working day before it). A ledger that holds
    /// items is kept as it is, with what was recorded through the demo's links, so its items age from
    /// the day it was built (<c>run --demo --reset</c> starts afresh). Returns what it did, for the console.
    /// </summary>
    public static async Task<string> BuildOnceAsync(LedgerDatabase database, WorkingCalendar calendar, DateOnly today, TimeLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var size = await new DeskStore(database).SizeAsync(cancellationToken).ConfigureAwait(false);
        if (size.Items > 0)
        {
            var built = await new ItemStore(database).FindAsync(new ItemKey(ItemKind.Cppcc, Session, BuildDayItem), cancellationToken).ConfigureAwait(false);
            var since = built is null ? "" : $", 建于 {built.Item.DueOn:yyyy-MM-dd} 前后 (built around {built.Item.DueOn:yyyy-MM-dd})";
            return $"演示台账 demo ledger: {database.DataSource}, 沿用已有 {size.Items} 件及其记录{since} (kept as recorded); " +
                   $"重新生成请用 run --demo --reset (for a fresh set); 邮件见 (emails in) {OutboxPath}/";
        }
        var day = SweepDay(calendar, today);
        await new DivisionStore(database).UpsertAsync(Divisions, cancellationToken).ConfigureAwait(false);
        var items = Items(day, calendar, limits);
        await new ItemStore(database).UpsertAsync(items, cancellationToken).ConfigureAwait(false);
        return $"演示台账 demo ledger: {database.DataSource}, {items.Count} 件, 以 {day:yyyy-MM-dd} 为催办日 (sweep day); 邮件见 (emails in) {OutboxPath}/";
    }

    /// <summary>The day the demo's reminders are owed: today, or the last working day before a day off.</summary>
    public static DateOnly SweepDay(WorkingCalendar calendar, DateOnly today) => calendar.OnOrBefore(today);

    /// <summary>The demo items for sweep day <paramref name="day"/>.</summary>
    internal static IReadOnlyList<Item> Items(DateOnly day, WorkingCalendar calendar, TimeLimits limits)
    {
        Item Make(ItemKind kind, string number, string title, string proposer, string lead, DateOnly due, string[]? co = null,
            bool key = false, DateOnly? replied = null, bool returned = false)
        {
            var assigned = due.AddMonths(-limits.ReplyMonths);
            return new Item
            {
                Key = new ItemKey(kind, Session, number),
                Title = title,
                Proposer = proposer,
                LeadDivision = lead,
                CoDivisions = co ?? [],
                AssignedOn = assigned,
                DueOn = due,
                CoInputDueOn = DueDate.AfterMonths(calendar, assigned, limits.CoInputMonths),
                RepliedOn = replied,
                IsKey = key,
                ReturnDecision = returned ? ReturnDecision.Approved : null,
                ReturnDecidedOn = returned ? assigned.AddDays(3) : null,
                ReturnedOn = returned ? assigned.AddDays(3) : null,
                ReturnReason = returned ? "不属于本局职责 (not the bureau's business)" : null,
            };
        }

        var coAssigned = day.AddDays(1).AddMonths(-limits.CoInputMonths);
        var withCo = Make(ItemKind.Npc, "D006", "关于建立政府性融资担保风险补偿机制的建议", "刘洋", "金融服务处",
            DueDate.AfterMonths(calendar, coAssigned, limits.ReplyMonths), ["银行保险处", "地方金融监管处"]) with
        {
            AssignedOn = coAssigned,
            CoInputDueOn = day.AddDays(1),
        };
        return
        [
            Make(ItemKind.Npc, "D001", "关于加大小微企业首贷支持力度的建议", "王建国", "银行保险处", day.AddDays(7)),
            Make(ItemKind.Npc, "D002", "关于推进普惠金融服务站建设的建议", "李梅、张伟", "金融服务处", day.AddDays(3)),
            Make(ItemKind.Cppcc, BuildDayItem, "关于防范和处置非法集资的提案", "赵敏", "地方金融监管处", day),
            Make(ItemKind.Cppcc, "D004", "关于优化企业上市培育服务的提案", "孙丽", "综合处", calendar.OnOrBefore(day.AddDays(-1))),
            Make(ItemKind.Npc, "D005", "关于规范地方金融组织监管的建议", "周强", "地方金融监管处", calendar.OnOrBefore(day.AddDays(-20)), key: true),
            withCo,
            Make(ItemKind.Npc, "D007", "关于发展绿色金融的建议", "吴静", "银行保险处", day.AddDays(5), replied: day.AddDays(-2)),
            Make(ItemKind.Cppcc, "D008", "关于城市公交线路调整的提案", "郑华", "综合处", day.AddDays(2), returned: true),
        ];
    }
}
