using System.Text.RegularExpressions;
using Proposals.Mail;
using Proposals.Worker.Hosting;
using Proposals.Worker.Hosting.Auth;
using Proposals.Worker.Reporting;
using Proposals.Worker.Reminders;

namespace Proposals.Tests.Hosting;

/// <summary>
/// A broken setting is reported to a person in the program's one form: the setting, what is wrong in
/// Chinese, then the English sentence whole in parentheses, as in
/// <c>Ledger:ReplyMonths 须为 1..24 个月 (Ledger:ReplyMonths must be 1..24 months, not 0)</c>.
/// </summary>
public sealed partial class SettingsMessagesFacts
{
    private const string From = "综合处 <zhc@bureau.example>";
    private static readonly string MissingFolder = Path.Combine(Path.GetTempPath(), "proposals-no-templates-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("Ledger", "Ledger:ReplyMonths must be 1..24 months, not 0")]
    [InlineData("Ledger:TimeZone", "Ledger:TimeZone 'Mars/Olympus' is not a time zone this machine knows (expected an IANA id such as Asia/Shanghai)")]
    [InlineData("Reminders", "Reminders:LeaseSeconds must be 5..86400 seconds, not 1")]
    [InlineData("Reminders:DaysBefore", "Setting Reminders:DaysBefore lists 0: each entry is a number of calendar days before the due date")]
    [InlineData("Reminders:ClaimBatch", "Reminders:ClaimBatch must be 1..1000 reminders, not 0")]
    [InlineData("Reminders:SweepAt", "Reminders:SweepAt must be a time such as 09:00, not '0900'")]
    [InlineData("Reminders:MaxOverdueNotices", "Setting Reminders:MaxOverdueNotices must be 0 or more (0: straight to the weekly 通报; left out: no limit); it is -1.")]
    [InlineData("Reminders:MaxCoInputNotices", "Setting Reminders:MaxCoInputNotices must be 0 or more (0: the lead division is told at once; left out: no limit); it is -2.")]
    [InlineData("Reminders:Grouping", "Reminders:Grouping must be division or item, not 'person'")]
    [InlineData("Reminders:BulletinDay", "Reminders:BulletinDay must be a day of the week such as Monday or 周一, or empty for no bulletin; not '周八'")]
    [InlineData("Reminders:AcknowledgeWindowWorkingDays", "Reminders:AcknowledgeWindowWorkingDays, 2, must be greater than Ledger:AcknowledgeWorkingDays, 2")]
    [InlineData("Reminders:MaxItemsPerEmail", "Reminders:MaxItemsPerEmail must be 1..10000 items, not 0")]
    [InlineData("Mail", "Mail:Transport must be \"pickup\" or \"smtp\", not \"sendmail\"")]
    [InlineData("Mail:From", "Mail:From is not a valid email address: \"zhc@\"")]
    [InlineData("Mail:Smtp", "Mail:Smtp:Port must be between 1 and 65535, not 0")]
    [InlineData("Reports", "Reports:SendAt must be a time such as 09:00, not '9am'")]
    [InlineData("Reports:Level", "Reports:Level must be one of the level words 市 区 县 省 州 盟 旗 自治区 自治州 自治县, not '街道'")]
    [InlineData("Reports:SolvedClasses", "Reports:SolvedClasses names '甲', which is not a reply class: letters A to D separated by commas, such as A or A,B")]
    [InlineData("Dashboard", "Dashboard:LinkDays must be 1..365 days, not 0")]
    [InlineData("Dashboard:Culture", "Dashboard:Culture 'xx-nowhere' is not a culture this machine knows (expected e.g. zh-CN or en-US)")]
    [InlineData("Auth", "Auth:SessionHours must be 1..720 hours, not 0")]
    [InlineData("Auth:Users", "Auth:Users:0:Role 'admin' is unknown (expected coordinator or viewer)")]
    [InlineData("Templates", "Templates:Directory '{folder}' has no mail/ folder of templates")]
    [InlineData("Import", "Import:MaxRows must be 1..100000000, not 0")]
    public void ABadSetting_IsReportedInChinese_ThenInEnglishWhole(string section, string english)
    {
        english = english.Replace("{folder}", MissingFolder, StringComparison.Ordinal);

        var message = Assert.Single(ProblemsOf(section));

        var open = message.IndexOf('(', StringComparison.Ordinal);
        Assert.True(open > 0, $"no English in parentheses: {message}");
        Assert.True(Chinese().IsMatch(message[..open]), $"no Chinese before the English: {message}");
        Assert.StartsWith("(" + english, message[open..], StringComparison.Ordinal);
        Assert.EndsWith(")", message, StringComparison.Ordinal);
    }

    private static IEnumerable<string> ProblemsOf(string section) => section switch
    {
        "Ledger" => new LedgerOptions { ReplyMonths = 0 }.Validate(),
        "Ledger:TimeZone" => new LedgerOptions { TimeZone = "Mars/Olympus" }.Validate(),
        "Reminders" => new ReminderOptions { LeaseSeconds = 1 }.Validate(new LedgerOptions()),
        "Reminders:DaysBefore" => new ReminderOptions { DaysBefore = [15, 0] }.Validate(new LedgerOptions()),
        "Reminders:ClaimBatch" => new ReminderOptions { ClaimBatch = 0 }.Validate(new LedgerOptions()),
        "Reminders:SweepAt" => new ReminderOptions { SweepAt = "0900" }.Validate(new LedgerOptions()),
        "Reminders:MaxOverdueNotices" => new ReminderOptions { MaxOverdueNotices = -1 }.Validate(new LedgerOptions()),
        "Reminders:MaxCoInputNotices" => new ReminderOptions { MaxCoInputNotices = -2 }.Validate(new LedgerOptions()),
        "Reminders:Grouping" => new ReminderOptions { Grouping = "person" }.Validate(new LedgerOptions()),
        "Reminders:BulletinDay" => new ReminderOptions { BulletinDay = "周八" }.Validate(new LedgerOptions()),
        "Reminders:AcknowledgeWindowWorkingDays" => new ReminderOptions { AcknowledgeWindowWorkingDays = 2 }.Validate(new LedgerOptions { AcknowledgeWorkingDays = 2 }),
        "Reminders:MaxItemsPerEmail" => new ReminderOptions { MaxItemsPerEmail = 0 }.Validate(new LedgerOptions()),
        "Mail" => new MailOptions { Transport = "sendmail", From = From, Coordinator = From }.Validate(),
        "Mail:From" => new MailOptions { From = "zhc@", Coordinator = From }.Validate(),
        "Mail:Smtp" => new MailOptions { Transport = "smtp", From = From, Coordinator = From, Smtp = new SmtpOptions { Host = "mail.bureau.example", Port = 0 } }.Validate(),
        "Reports" => new ReportOptions { SendAt = "9am" }.Validate(),
        "Reports:Level" => new ReportOptions { Level = "街道" }.Validate(),
        "Reports:SolvedClasses" => new ReportOptions { SolvedClasses = "A,甲" }.Validate(),
        "Dashboard" => new DashboardOptions { LinkDays = 0 }.Validate(),
        "Dashboard:Culture" => new DashboardOptions { Culture = "xx-nowhere" }.Validate(),
        "Auth" => new AuthOptions { SessionHours = 0 }.Validate(),
        "Auth:Users" => new AuthOptions { Users = [new ConfiguredUser { Name = "zonghe", PasswordHash = PasswordHashing.Hash("zonghe-Pass-2026"), Role = "admin" }] }.Validate(),
        "Templates" => new TemplateOptions { Directory = MissingFolder }.Validate(),
        "Import" => new Proposals.Worker.Import.ImportOptions { MaxRows = 0 }.Validate(),
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, "no bad value for this section"),
    };

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();
}
