namespace Proposals.Domain.Reminders;

/// <summary>
/// When reminders (催办) go out; every number is a setting under <c>Reminders:</c>.
/// Invalid settings fail here, when the policy is built, naming the setting.
/// </summary>
/// <remarks>
/// The properties are get-only on purpose: a configuration binder then fills the policy through
/// the constructor (validated) and does not append to <see cref="DaysBefore"/> afterwards.
/// </remarks>
public sealed record ReminderPolicy
{
    private const int MaxDaysBeforeAllowed = 365;

    private readonly int[] _daysBefore;

    /// <summary>Builds and checks a policy.</summary>
    /// <param name="daysBefore">Reminders this many calendar days before the due date (Reminders:DaysBefore); null for 15, 7, 3, 1.</param>
    /// <param name="overdueEveryWorkingDays">Working days between reminders after the due date (Reminders:OverdueEveryWorkingDays).</param>
    /// <param name="remindOnDueDate">Whether to remind on the due date itself (Reminders:RemindOnDueDate).</param>
    /// <param name="maxOverdueStages">At most this many reminders after the due date (Reminders:MaxOverdueStages); null for no limit, 0 for none.</param>
    /// <param name="keyItemsSupervisedFromDueDate">Whether a key item's due-date reminder is already supervision, copying the head (Reminders:KeyItemsSupervisedFromDueDate).</param>
    /// <param name="maxOverdueNotices">Overdue notices a division receives for one item and due date before the item leaves its daily email for the weekly 通报 (Reminders:MaxOverdueNotices); null for no limit.</param>
    /// <param name="maxCoInputNotices">Overdue notices a co-division receives for a late input before the lead division is told instead (Reminders:MaxCoInputNotices); null for no limit.</param>
    /// <param name="acknowledgeWindowWorkingDays">Working days after 交办 within which 签收 is still asked for (Reminders:AcknowledgeWindowWorkingDays); null for no window.</param>
    public ReminderPolicy(
        IReadOnlyList<int>? daysBefore = null,
        int overdueEveryWorkingDays = 5,
        bool remindOnDueDate = true,
        int? maxOverdueStages = null,
        bool keyItemsSupervisedFromDueDate = true,
        int? maxOverdueNotices = null,
        int? maxCoInputNotices = null,
        int? acknowledgeWindowWorkingDays = null)
    {
        _daysBefore = CheckDaysBefore(daysBefore ?? [15, 7, 3, 1]);
        BeforeStages = Array.ConvertAll(_daysBefore, ReminderStage.Before);
        KeyItemsSupervisedFromDueDate = keyItemsSupervisedFromDueDate;
        if (overdueEveryWorkingDays < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(overdueEveryWorkingDays), overdueEveryWorkingDays,
                $"Reminders:OverdueEveryWorkingDays 须至少为 1 个工作日 (Setting Reminders:OverdueEveryWorkingDays must be 1 or more working days; it is {overdueEveryWorkingDays}.)");
        }
        if (maxOverdueStages < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxOverdueStages), maxOverdueStages,
                $"Reminders:MaxOverdueStages 不能为负数, 不限次数时留空 (Setting Reminders:MaxOverdueStages must be 0 or more (or left out for no limit); it is {maxOverdueStages}.)");
        }
        NotNegative(maxOverdueNotices, "MaxOverdueNotices", "0 表示直接列入每周通报", "0: straight to the weekly 通报");
        NotNegative(maxCoInputNotices, "MaxCoInputNotices", "0 表示直接告知主办处室", "0: the lead division is told at once");
        if (acknowledgeWindowWorkingDays < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(acknowledgeWindowWorkingDays), acknowledgeWindowWorkingDays,
                $"Reminders:AcknowledgeWindowWorkingDays 须至少为 1 个工作日, 不限时留空 (Setting Reminders:AcknowledgeWindowWorkingDays must be 1 or more working days (or left out for no window); it is {acknowledgeWindowWorkingDays}.)");
        }
        OverdueEveryWorkingDays = overdueEveryWorkingDays;
        RemindOnDueDate = remindOnDueDate;
        MaxOverdueStages = maxOverdueStages;
        MaxOverdueNotices = maxOverdueNotices;
        MaxCoInputNotices = maxCoInputNotices;
        AcknowledgeWindowWorkingDays = acknowledgeWindowWorkingDays;
    }

    /// <summary>15, 7, 3 and 1 days before, on the due date, then every 5 working days without limit; key items supervised from the due date.</summary>
    public static ReminderPolicy Default { get; } = new();

    /// <summary>Calendar days before the due date that get a reminder, largest first.</summary>
    public IReadOnlyList<int> DaysBefore => _daysBefore;

    /// <summary>Working days between two reminders after the due date.</summary>
    public int OverdueEveryWorkingDays { get; }

    /// <summary>Whether the due date itself gets a reminder ("due").</summary>
    public bool RemindOnDueDate { get; }

    /// <summary>The most reminders after the due date; null for no limit.</summary>
    public int? MaxOverdueStages { get; }

    /// <summary>
    /// The most overdue notices a division receives for one item and due date; after them the item
    /// leaves its daily email and stays in the weekly 通报 until answered. Null for no limit.
    /// </summary>
    public int? MaxOverdueNotices { get; }

    /// <summary>The most overdue notices a co-division receives for a late input; after them the lead division is told once. Null for no limit.</summary>
    public int? MaxCoInputNotices { get; }

    /// <summary>Working days after 交办 within which 签收 is still asked for; null for no window.</summary>
    public int? AcknowledgeWindowWorkingDays { get; }

    /// <summary>The cap on overdue notices for <paramref name="role"/>: the co-division's for a late input, else the division's.</summary>
    public int? NoticeCap(ReminderRole role) => role switch
    {
        ReminderRole.Lead => MaxOverdueNotices,
        ReminderRole.CoDivision => MaxCoInputNotices,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>The largest of <see cref="DaysBefore"/>, 0 when there is none.</summary>
    public int MaxDaysBefore => _daysBefore.Length == 0 ? 0 : _daysBefore[0];

    /// <summary>Whether a key item (重点督办) is supervised from its due date on: the due-date reminder copies the head.</summary>
    public bool KeyItemsSupervisedFromDueDate { get; }

    /// <summary>The stages of <see cref="DaysBefore"/>, in the same order (made once, not per item).</summary>
    internal ReminderStage[] BeforeStages { get; }

    /// <inheritdoc />
    public bool Equals(ReminderPolicy? other) =>
        other is not null
        && _daysBefore.AsSpan().SequenceEqual(other._daysBefore)
        && OverdueEveryWorkingDays == other.OverdueEveryWorkingDays
        && RemindOnDueDate == other.RemindOnDueDate
        && MaxOverdueStages == other.MaxOverdueStages
        && KeyItemsSupervisedFromDueDate == other.KeyItemsSupervisedFromDueDate
        && MaxOverdueNotices == other.MaxOverdueNotices
        && MaxCoInputNotices == other.MaxCoInputNotices
        && AcknowledgeWindowWorkingDays == other.AcknowledgeWindowWorkingDays;

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(MaxDaysBefore, _daysBefore.Length, OverdueEveryWorkingDays, RemindOnDueDate, MaxOverdueStages);

    private static void NotNegative(int? value, string setting, string zero, string zeroEnglish)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(setting, value,
                $"Reminders:{setting} 不能为负数, {zero}, 不限次数时留空 (Setting Reminders:{setting} must be 0 or more ({zeroEnglish}; left out: no limit); it is {value}.)");
        }
    }

    private static int[] CheckDaysBefore(IReadOnlyList<int> daysBefore)
    {
        var sorted = daysBefore.OrderDescending().ToArray();
        for (var i = 0; i < sorted.Length; i++)
        {
            if (sorted[i] is < 1 or > MaxDaysBeforeAllowed)
            {
                throw new ArgumentOutOfRangeException(nameof(daysBefore), sorted[i],
                    $"Reminders:DaysBefore 每项须为到期前 1 到 {MaxDaysBeforeAllowed} 个自然日 (Setting Reminders:DaysBefore lists {sorted[i]}: each entry is a number of calendar days before the due date, from 1 to {MaxDaysBeforeAllowed}.)");
            }
            if (i > 0 && sorted[i] == sorted[i - 1])
            {
                throw new ArgumentException(
                    $"Reminders:DaysBefore 有重复的天数 (Setting Reminders:DaysBefore lists {sorted[i]} more than once; each stage needs its own day.)", nameof(daysBefore));
            }
        }
        return sorted;
    }
}
