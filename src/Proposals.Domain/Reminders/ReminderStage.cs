using System.Globalization;

namespace Proposals.Domain.Reminders;

/// <summary>What kind of reminder a stage is.</summary>
public enum StageKind
{
    /// <summary>签收提醒: the lead division has not acknowledged the item in time; sent once.</summary>
    Acknowledge,

    /// <summary>A reminder some calendar days before the due date.</summary>
    Before,

    /// <summary>The reminder on the due date itself.</summary>
    Due,

    /// <summary>A supervision notice (督办) after the due date, the n-th of them.</summary>
    Overdue,

    /// <summary>
    /// 协办意见超期: told to the lead division once, when a co-division's input is still late after the
    /// co-division had all its notices (Reminders:MaxCoInputNotices). Runs beside the other stages.
    /// </summary>
    CoInputLate,
}

/// <summary>
/// One stage of a due date's reminders: <c>ack</c>, <c>before-15</c> ... <c>before-1</c>, <c>due</c>,
/// <c>overdue-1</c>, <c>overdue-2</c> ... Stages are ordered as they fall due (the larger number of days
/// before first), whatever the policy, so the latest stage recorded for a due date settles every
/// stage before it. The code is part of the stored key and of the Message-ID: never reworded.
/// <c>ack</c> and <c>co-input-late</c> run beside the others: neither settles nor is settled by them.
/// </summary>
public readonly record struct ReminderStage : IComparable<ReminderStage>
{
    private const string AckCode = "ack", DueCode = "due", CoInputLateCode = "co-input-late", BeforePrefix = "before-", OverduePrefix = "overdue-";

    // Codes are asked for on every sweep for every candidate: the common ones are made once.
    private static readonly string[] BeforeCodes = Enumerable.Range(0, 366).Select(n => BeforePrefix + Text(n)).ToArray();
    private static readonly string[] OverdueCodes = Enumerable.Range(0, 65).Select(n => OverduePrefix + Text(n)).ToArray();

    private ReminderStage(StageKind kind, int number)
    {
        Kind = kind;
        Number = number;
    }

    /// <summary>What kind of stage it is.</summary>
    public StageKind Kind { get; }

    /// <summary>The calendar days before the due date (<see cref="StageKind.Before"/>), the ordinal (<see cref="StageKind.Overdue"/>), else 0.</summary>
    public int Number { get; }

    /// <summary>The acknowledgement reminder.</summary>
    public static ReminderStage Acknowledge => new(StageKind.Acknowledge, 0);

    /// <summary>The due-date reminder.</summary>
    public static ReminderStage Due => new(StageKind.Due, 0);

    /// <summary>The lead division told once that a co-division's input is late.</summary>
    public static ReminderStage CoInputLate => new(StageKind.CoInputLate, 0);

    /// <summary>The reminder <paramref name="days"/> calendar days before the due date.</summary>
    public static ReminderStage Before(int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        return new(StageKind.Before, days);
    }

    /// <summary>The <paramref name="number"/>-th supervision notice after the due date (from 1).</summary>
    public static ReminderStage Overdue(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        return new(StageKind.Overdue, number);
    }

    /// <summary>Whether the stage comes after the due date (督办).</summary>
    public bool IsOverdue => Kind == StageKind.Overdue;

    /// <summary>Whether the stage is one of a due date's line (before-N, due, overdue-N), which settle one another.</summary>
    public bool IsOnTheLine => Kind switch
    {
        StageKind.Before or StageKind.Due or StageKind.Overdue => true,
        StageKind.Acknowledge or StageKind.CoInputLate => false,
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
    };

    /// <summary>The stored code: ack, before-N, due, overdue-N.</summary>
    public string Code => Kind switch
    {
        StageKind.Acknowledge => AckCode,
        StageKind.Due => DueCode,
        StageKind.Before => Number < BeforeCodes.Length ? BeforeCodes[Number] : BeforePrefix + Text(Number),
        StageKind.Overdue => Number < OverdueCodes.Length ? OverdueCodes[Number] : OverduePrefix + Text(Number),
        StageKind.CoInputLate => CoInputLateCode,
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
    };

    /// <summary>
    /// How the coordinator reads the planned stage: 签收提醒, 到期前15天, 到期当日, 第2次督办 (the planned
    /// ordinal; what a division reads counts the notices it received, <see cref="OwedReminder.StageName"/>), 协办意见超期.
    /// </summary>
    public string ChineseName => Kind switch
    {
        StageKind.Acknowledge => "签收提醒",
        StageKind.Due => "到期当日",
        StageKind.Before => $"到期前{Text(Number)}天",
        StageKind.Overdue => $"第{Text(Number)}次督办",
        StageKind.CoInputLate => "协办意见超期",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
    };

    /// <summary>Reads a code written by <see cref="Code"/>.</summary>
    /// <exception cref="FormatException">Not a stage code.</exception>
    public static ReminderStage Parse(string code) =>
        TryParse(code, out var stage) ? stage : throw new FormatException($"催办阶段无效 \"{code}\" (\"{code}\" is not a reminder stage (ack, before-N, due or overdue-N))");

    /// <summary>Reads a code written by <see cref="Code"/>; false when it is none.</summary>
    public static bool TryParse(string? code, out ReminderStage stage)
    {
        stage = default;
        switch (code)
        {
            case AckCode: stage = Acknowledge; return true;
            case DueCode: stage = Due; return true;
            case CoInputLateCode: stage = CoInputLate; return true;
            case null: return false;
        }
        if (code.StartsWith(BeforePrefix, StringComparison.Ordinal) && NumberAfter(code, BeforePrefix) is { } days)
        {
            stage = new(StageKind.Before, days);
            return true;
        }
        if (code.StartsWith(OverduePrefix, StringComparison.Ordinal) && NumberAfter(code, OverduePrefix) is { } n)
        {
            stage = new(StageKind.Overdue, n);
            return true;
        }
        return false;
    }

    /// <summary>Orders stages as they fall due: ack, before-N (larger N first), due, overdue-1, overdue-2 ..., co-input-late.</summary>
    public int CompareTo(ReminderStage other)
    {
        var byKind = Rank(Kind).CompareTo(Rank(other.Kind));
        if (byKind != 0) return byKind;
        return Kind switch
        {
            // The more days before the due date, the earlier the reminder falls.
            StageKind.Before => other.Number.CompareTo(Number),
            StageKind.Overdue => Number.CompareTo(other.Number),
            // One stage of its kind per due date (Number is 0): equal.
            StageKind.Acknowledge or StageKind.Due or StageKind.CoInputLate => Number.CompareTo(other.Number),
            _ => throw new ArgumentOutOfRangeException(nameof(other), other.Kind, null),
        };
    }

    // Where each kind falls among the others, written out rather than read from the enum's order.
    private static int Rank(StageKind kind) => kind switch
    {
        StageKind.Acknowledge => 0,
        StageKind.Before => 1,
        StageKind.Due => 2,
        StageKind.Overdue => 3,
        StageKind.CoInputLate => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Whether <paramref name="left"/> falls due before <paramref name="right"/>.</summary>
    public static bool operator <(ReminderStage left, ReminderStage right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> falls due after <paramref name="right"/>.</summary>
    public static bool operator >(ReminderStage left, ReminderStage right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> falls due no later than <paramref name="right"/>.</summary>
    public static bool operator <=(ReminderStage left, ReminderStage right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> falls due no earlier than <paramref name="right"/>.</summary>
    public static bool operator >=(ReminderStage left, ReminderStage right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => Code;

    private static int? NumberAfter(string code, string prefix) =>
        int.TryParse(code.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : null;

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
