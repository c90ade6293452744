using Proposals.Domain.Reminders;
using Proposals.Domain.Ledger;
using Proposals.Mail;

namespace Proposals.Tests.Mail;

/// <summary>Reminders and settings the mail tests start from.</summary>
internal static class MailSamples
{
    /// <summary>The templates shipped with the program, as copied to the test output.</summary>
    public static string TemplatesDirectory => Path.Combine(AppContext.BaseDirectory, "templates", "mail");

    public static MailOptions Options(string? pickup = null) => new()
    {
        Transport = "pickup",
        PickupDirectory = pickup ?? "data/outbox",
        From = "市金融局综合处 <zhc@jrj.example.gov.cn>",
        Coordinator = "综合处 王芳 <wangfang@jrj.example.gov.cn>",
    };

    /// <summary>A suggestion assigned 2019-07-01, due 2019-10-08, reminded to its lead division 3 days before.</summary>
    public static ReminderMessage LeadReminder(int daysLeft = 3, string stage = "T-3") => new(
        Kind: ItemKind.Npc,
        Session: "十五届一次",
        Number: "0012",
        Title: "关于加快发展普惠金融支持小微企业的建议",
        Proposer: "张伟、李娜",
        LeadDivision: "金融发展处",
        CoDivisions: ["综合处", "法规处"],
        AssignedOn: new DateOnly(2019, 7, 1),
        DueOn: new DateOnly(2019, 10, 8),
        OriginalDueOn: null,
        DivisionName: "金融发展处",
        Role: ReminderRole.Lead,
        Stage: stage,
        DaysLeft: daysLeft,
        To: "fazhan@jrj.example.gov.cn",
        Cc: [],
        Contact: new ReminderContact("综合处 王芳", "wangfang@jrj.example.gov.cn", "0451-86661234"));

    /// <summary>The same item's reminder to a co-division, its input due 2019-08-01.</summary>
    public static ReminderMessage CoReminder() => LeadReminder() with
    {
        DivisionName = "法规处",
        Role = ReminderRole.CoDivision,
        DueOn = new DateOnly(2019, 8, 1),
        DaysLeft = 5,
        Stage = "T-5",
        To = "fagui@jrj.example.gov.cn",
    };

    public static ReminderComposer Composer(MailOptions? options = null) =>
        new(TemplatesDirectory, options ?? Options(), new FixedTime(new DateTimeOffset(2019, 10, 5, 9, 0, 0, TimeSpan.FromHours(8))));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
