using Proposals.Domain.Reminders;

namespace Proposals.Worker.Reminders;

/// <summary>Settings of the reminders (section <c>Reminders</c>); every number of the policy is one.</summary>
internal sealed class ReminderOptions
{
    /// <summary>Calendar days before the due date that get a reminder.</summary>
    public int[]? DaysBefore { get; set; }

    /// <summary>Working days between reminders after the due date.</summary>
    public int OverdueEveryWorkingDays { get; set; } = 5;

    /// <summary>Whether the due date itself gets a reminder.</summary>
    public bool RemindOnDueDate { get; set; } = true;

    /// <summary>At most this many reminders after the due date are planned; empty for no limit.</summary>
    public int? MaxOverdueStages { get; set; }

    /// <summary>
    /// How reminders are put into emails: <c>division</c> (one email per division per working day,
    /// listing everything newly owed) or <c>item</c> (one email per item and stage, copying the
    /// coordinator and the leader, as earlier versions did).
    /// </summary>
    public string Grouping { get; set; } = "division";

    /// <summary>
    /// Overdue notices a division receives for one item and due date; after them the item leaves its
    /// daily email and stays in the weekly 通报 until answered. Empty for no limit; 0: straight to the 通报.
    /// </summary>
    public int? MaxOverdueNotices { get; set; } = 3;

    /// <summary>Overdue notices a co-division receives for a late input; after them the lead division's email says whose input is late. Empty for no limit.</summary>
    public int? MaxCoInputNotices { get; set; } = 1;

    /// <summary>
    /// Working days after 交办 within which 签收 is still asked for (must exceed Ledger:AcknowledgeWorkingDays,
    /// the time allowed to acknowledge); an item first seen later gets no 签收 line. Empty for no window.
    /// </summary>
    public int? AcknowledgeWindowWorkingDays { get; set; } = 10;

    /// <summary>The most items one email lists; past it the email lists the most urgent and ends with 另有N件 and a link to 办理进度.</summary>
    public int MaxItemsPerEmail { get; set; } = 200;

    /// <summary>The weekday of the weekly 通报 of overdue items to the coordinator (Monday ... Sunday, 周一 ... 周日); empty for none.</summary>
    public string? BulletinDay { get; set; } = "Monday";

    /// <summary>The local time (Ledger:TimeZone) of the daily sweep, HH:mm.</summary>
    public string SweepAt { get; set; } = "09:00";

    /// <summary>When reminders may go out on a working day, local time: from (HH:mm).</summary>
    public string WorkingHoursFrom { get; set; } = "08:30";

    /// <summary>When reminders may go out on a working day, local time: until (HH:mm); later sends wait for the next working morning.</summary>
    public string WorkingHoursUntil { get; set; } = "17:30";

    /// <summary>Whom the divisions contact with questions, named in every reminder.</summary>
    public string ContactName { get; set; } = "综合处";

    /// <summary>The contact's phone number, when given.</summary>
    public string? ContactPhone { get; set; }

    /// <summary>
    /// Whether a key item's due-date reminder is already supervision (督办), copying the division head: on
    /// that reminder (Grouping item), or on the division's morning email that holds it (division).
    /// </summary>
    public bool KeyItemsSupervisedFromDueDate { get; set; } = true;

    /// <summary>
    /// Seconds a sender holds the reminders it claimed. A sender renews its hold while it works, so
    /// this only decides how soon another worker takes over the reminders of a sender that died.
    /// </summary>
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>How many failed attempts a reminder gets before it is marked failed for the coordinator to see.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>
    /// How many emails a sender claims at a time: with Grouping division, divisions (each with all its
    /// rows); with item, reminders. Smaller batches share the work out more evenly between several
    /// workers; larger ones make fewer round trips to the database.
    /// </summary>
    public int ClaimBatch { get; set; } = 100;

    /// <summary>How often, in seconds, the worker looks for reminders due in working hours.</summary>
    public int DrainEverySeconds { get; set; } = 60;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    public TimeSpan DrainInterval => TimeSpan.FromSeconds(DrainEverySeconds);

    public ReminderPolicy Policy() => new(DaysBefore, OverdueEveryWorkingDays, RemindOnDueDate, MaxOverdueStages, KeyItemsSupervisedFromDueDate,
        MaxOverdueNotices, MaxCoInputNotices, AcknowledgeWindowWorkingDays);

    /// <summary>The grouping in force (checked at start).</summary>
    public ReminderGrouping Mode => ReminderGroupings.Parse(Grouping) ?? ReminderGrouping.Division;

    /// <summary>The bulletin's weekday; null for no 通报 (checked at start).</summary>
    public DayOfWeek? Bulletin => BulletinSchedule.ParseDay(BulletinDay);

    public TimeOnly SweepTime => Time(SweepAt);

    public WorkingHours Hours => new(Time(WorkingHoursFrom), Time(WorkingHoursUntil));

    private static TimeOnly Time(string text) => TimeOnly.ParseExact(text, "HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The problems of these settings, each naming its key; <paramref name="ledger"/> for the rules that read Ledger: too.</summary>
    public IEnumerable<string> Validate(Hosting.LedgerOptions ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        if (AcknowledgeWindowWorkingDays is { } window && window >= 1 && window <= ledger.AcknowledgeWorkingDays)
        {
            yield return $"Reminders:AcknowledgeWindowWorkingDays 为 {window}, 须大于签收时限 Ledger:AcknowledgeWorkingDays 的 {ledger.AcknowledgeWorkingDays}: 签收提醒在时限过后才发 " +
                $"(Reminders:AcknowledgeWindowWorkingDays, {window}, must be greater than Ledger:AcknowledgeWorkingDays, {ledger.AcknowledgeWorkingDays}: the 签收 reminder goes only after that limit)";
        }
        string? policyProblem = null;
        try
        {
            Policy();
        }
        catch (ArgumentException e)
        {
            policyProblem = e.Message.Split(" (Parameter", 2)[0];
        }
        if (policyProblem is not null) yield return policyProblem;
        foreach (var (name, value) in new[] { ("SweepAt", SweepAt), ("WorkingHoursFrom", WorkingHoursFrom), ("WorkingHoursUntil", WorkingHoursUntil) })
        {
            if (!TimeOnly.TryParseExact(value, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
            {
                yield return $"Reminders:{name} 须为 HH:mm 格式的时间 (Reminders:{name} must be a time such as 09:00, not '{value}')";
            }
        }
        if (string.CompareOrdinal(WorkingHoursFrom, WorkingHoursUntil) >= 0)
        {
            yield return $"Reminders:WorkingHoursFrom 须早于 Reminders:WorkingHoursUntil (Reminders:WorkingHoursFrom ({WorkingHoursFrom}) must be before Reminders:WorkingHoursUntil ({WorkingHoursUntil}))";
        }
        else if (string.CompareOrdinal(SweepAt, WorkingHoursFrom) < 0 || string.CompareOrdinal(SweepAt, WorkingHoursUntil) >= 0)
        {
            yield return $"Reminders:SweepAt 须在工作时间之内 (Reminders:SweepAt ({SweepAt}) must lie within the working hours {WorkingHoursFrom}-{WorkingHoursUntil})";
        }
        if (LeaseSeconds is < 5 or > 86400) yield return $"Reminders:LeaseSeconds 须为 5..86400 秒 (Reminders:LeaseSeconds must be 5..86400 seconds, not {LeaseSeconds})";
        if (MaxAttempts is < 1 or > 100) yield return $"Reminders:MaxAttempts 须为 1..100 次 (Reminders:MaxAttempts must be 1..100, not {MaxAttempts})";
        if (ClaimBatch is < 1 or > 1000) yield return $"Reminders:ClaimBatch 须为 1..1000 条 (Reminders:ClaimBatch must be 1..1000 reminders, not {ClaimBatch})";
        if (DrainEverySeconds is < 1 or > 3600) yield return $"Reminders:DrainEverySeconds 须为 1..3600 秒 (Reminders:DrainEverySeconds must be 1..3600 seconds, not {DrainEverySeconds})";
        if (ReminderGroupings.Parse(Grouping) is null)
        {
            yield return $"Reminders:Grouping 须为 division（每个处室每个工作日一封）或 item（每件每阶段一封） (Reminders:Grouping must be division or item, not '{Grouping}')";
        }
        if (!string.IsNullOrWhiteSpace(BulletinDay) && Bulletin is null)
        {
            yield return $"Reminders:BulletinDay 须为星期几, 如 Monday 或 周一, 不发通报时留空 (Reminders:BulletinDay must be a day of the week such as Monday or 周一, or empty for no bulletin; not '{BulletinDay}')";
        }
        if (MaxItemsPerEmail is < 1 or > 10000) yield return $"Reminders:MaxItemsPerEmail 须为 1..10000 件 (Reminders:MaxItemsPerEmail must be 1..10000 items, not {MaxItemsPerEmail})";
        if (string.IsNullOrWhiteSpace(ContactName)) yield return "Reminders:ContactName 须写明处室的联系对象 (Reminders:ContactName must name whom divisions contact (e.g. 综合处))";
    }
}
