using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;
using Proposals.Mail;

namespace Proposals.Tests.Mail;

/// <summary>Reminders and settings the mail tests start from.</summary>
internal static class MailSamples
{
    /// <summary>The templates shipped with the program, as copied to the test output.</summary>
    public static string TemplatesDirectory => Path.Combine(AppContext.BaseDirectory, "templates", "mail");

    public static ReminderContact Contact { get; } = new("综合处 王芳", "wangfang@jrj.example.gov.cn", "0451-86661234");

    public static MailOptions Options(string? pickup = null) => new()
    {
        Transport = "pickup",
        PickupDirectory = pickup ?? "data/outbox",
        From = "市金融局综合处 <zhc@jrj.example.gov.cn>",
        Coordinator = "综合处 王芳 <wangfang@jrj.example.gov.cn>",
    };

    /// <summary>A suggestion assigned 2019-07-01, due 2019-10-08, its co-divisions' input due 2019-08-01.</summary>
    public static Item Item() => new()
    {
        Key = new ItemKey(ItemKind.Npc, "十五届一次", "0012"),
        Title = "关于加快发展普惠金融支持小微企业的建议",
        Proposer = "张伟、李娜",
        LeadDivision = "金融发展处",
        CoDivisions = ["综合处", "法规处"],
        AssignedOn = new DateOnly(2019, 7, 1),
        DueOn = new DateOnly(2019, 10, 8),
        CoInputDueOn = new DateOnly(2019, 8, 1),
    };

    /// <summary>The item's reminder to its lead division <paramref name="daysLeft"/> days before the due date, at <paramref name="stage"/>.</summary>
    public static ReminderMessage LeadReminder(int daysLeft = 3, string stage = "before-3") =>
        Reminder(Item(), "金融发展处", ReminderRole.Lead, stage, daysLeft, "fazhan@jrj.example.gov.cn");

    /// <summary>The same item's reminder to a co-division, its input due 2019-08-01, five days before.</summary>
    public static ReminderMessage CoReminder() =>
        Reminder(Item(), "法规处", ReminderRole.CoDivision, "before-7", 5, "fagui@jrj.example.gov.cn");

    /// <summary>A reminder as the plan makes it: supervision and copies follow the stage.</summary>
    public static ReminderMessage Reminder(Item item, string division, ReminderRole role, string stage, int daysLeft, string to)
    {
        var due = role == ReminderRole.Lead ? item.EffectiveDueOn : item.CoInputDueOn;
        var today = due.AddDays(-daysLeft);
        var planned = new PlannedStage(ReminderStage.Parse(stage), today, due);
        var owed = ReminderPlan.Make(item, division, role, planned, 0, today, ReminderPolicy.Default, planned.IsOverdue ? planned.Stage.Number : 0);
        return new ReminderMessage(item, owed, today, to, [], Contact);
    }

    /// <summary>The same reminder at another stage.</summary>
    public static ReminderMessage WithStage(this ReminderMessage m, string stage) =>
        m with { Reminder = m.Reminder with { Stage = m.Reminder.Stage with { Stage = ReminderStage.Parse(stage) } } };

    /// <summary>The same reminder for another division.</summary>
    public static ReminderMessage WithDivision(this ReminderMessage m, string division) =>
        m with { Reminder = m.Reminder with { Division = division } };

    /// <summary>The same reminder against another due date.</summary>
    public static ReminderMessage WithDueOn(this ReminderMessage m, DateOnly dueOn) =>
        m with { Reminder = m.Reminder with { Stage = m.Reminder.Stage with { DueOn = dueOn } } };

    /// <summary>The same reminder about a changed item (its key included).</summary>
    public static ReminderMessage WithItem(this ReminderMessage m, Func<Item, Item> change)
    {
        var item = change(m.Item);
        return m with { Item = item, Reminder = m.Reminder with { Item = item.Key } };
    }

    /// <summary>The same reminder, sent <paramref name="daysLeft"/> days before its due date.</summary>
    public static ReminderMessage WithDaysLeft(this ReminderMessage m, int daysLeft) =>
        m with { Today = m.Reminder.DueOn.AddDays(-daysLeft) };

    public static ReminderComposer Composer(MailOptions? options = null) =>
        new(TemplatesDirectory, options ?? Options(), Infrastructure.BeijingClock.At("2019-10-05T09:00"));
}
