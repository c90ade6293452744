using Proposals.Domain.Deadlines;
using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;
using static Proposals.Tests.Reminders.RealCalendar;

namespace Proposals.Tests.Reminders;

/// <summary>
/// When reminders stop, as dated cases on the real 2019 calendar: the cap on overdue notices
/// (Reminders:MaxOverdueNotices), the co-division's (MaxCoInputNotices) and the lead division told
/// once instead (co-input-late), numbering by what a division received, and the 签收 window.
/// </summary>
public class StoppingRuleFacts
{
    private const string LeadUpToDue = "before-15 before-7 before-3 before-1 due";
    private static readonly ReminderPolicy Capped = new(maxOverdueNotices: 3, maxCoInputNotices: 1, acknowledgeWindowWorkingDays: 10);

    private static string Describe(OwedReminder? owed) => owed is null ? "-" : $"{owed.Stage.Code} #{owed.Notice} {owed.StageName}";

    //  Lead division, due Tue 2019-10-08; overdue notices every 5 working days (Sat Oct 12 works):
    //
    //   Oct 9       Oct 15      Oct 22      Oct 29 ...
    //   overdue-1   overdue-2   overdue-3   (cap 3 reached: the item is in the weekly 通报 only)
    [Theory]
    [InlineData("2019-10-09", LeadUpToDue, "overdue-1 #1 第1次督办")]
    [InlineData("2019-10-15", LeadUpToDue + " overdue-1", "overdue-2 #2 第2次督办")]
    [InlineData("2019-10-22", LeadUpToDue + " overdue-1 overdue-2", "overdue-3 #3 第3次督办")]
    [InlineData("2019-10-29", LeadUpToDue + " overdue-1 overdue-2 overdue-3", "-")]
    [InlineData("2019-12-31", LeadUpToDue + " overdue-1 overdue-2 overdue-3", "-")]
    // A ledger imported late: the first notice the division gets is its first, whatever the planned stage.
    [InlineData("2019-10-22", "", "overdue-3 #1 第1次督办")]
    public void OverdueNotices_StopAtTheCap_AndAreNumberedByWhatTheDivisionReceived(string today, string recorded, string expected)
    {
        var item = Item();
        var owed = ReminderPlan.Owed(item, ReminderRole.Lead, "财金处", D(today), China2019And2020, Capped,
            ReminderOwedFacts.Recorded("财金处", D("2019-10-08"), recorded));

        Assert.Equal(expected, Describe(owed));
    }

    [Fact]
    public void AFailedNotice_NeverReachedTheDivision_AndIsNotCounted()
    {
        var history = new ReminderHistory(
        [
            new RecordedNotice("财金处", HandlingRound.First, D("2019-10-08"), ReminderStage.Overdue(1), Reached: false),
            new RecordedNotice("财金处", HandlingRound.First, D("2019-10-08"), ReminderStage.Overdue(2), Reached: true),
        ]);

        var owed = ReminderPlan.Owed(Item(), ReminderRole.Lead, "财金处", D("2019-10-22"), China2019And2020, Capped, history);

        Assert.Equal("overdue-3 #2 第2次督办", Describe(owed));
    }

    [Theory]
    [InlineData(0, "2019-10-09", "-")]                       // 0: straight to the 通报
    [InlineData(null, "2019-12-31", "overdue-13 #1 第1次督办")] // no cap: as earlier versions did
    public void TheCap_Zero_SendsNoNotice_AndNone_NeverStops(int? cap, string today, string expected) =>
        Assert.Equal(expected, Describe(ReminderPlan.Owed(Item(), ReminderRole.Lead, "财金处", D(today), China2019And2020,
            new ReminderPolicy(maxOverdueNotices: cap), ReminderOwedFacts.Recorded("财金处", D("2019-10-08"), LeadUpToDue))));

    //  Co-division 法规处, its input due Thu 2019-08-01:
    //
    //   Aug 2                        Aug 9                                   Aug 16
    //   overdue-1 to 法规处 (cap 1)   co-input-late to 财金处, naming 法规处    nothing more: in the 通报's hands
    [Theory]
    [InlineData("2019-08-02", "", "", "法规处 overdue-1 #1")]
    [InlineData("2019-08-09", "overdue-1", "", "财金处 co-input-late 法规处")]
    [InlineData("2019-08-16", "overdue-1", "co-input-late", "")]
    [InlineData("2019-08-09", "overdue-1", "", "", "2019-08-08")]   // the input arrived the day before: nothing
    public void ALateCoInput_GetsItsCap_ThenTheLeadIsToldOnce(string today, string coRecorded, string leadRecorded, string expected, string? delivered = null)
    {
        var item = Item(coDivisions: "法规处") with
        {
            CoInputs = delivered is null ? [] : [new CoInput("法规处", D(delivered))],
        };
        var history = new ReminderHistory(
            Rows("法规处", D("2019-08-01"), LeadUpToDue + " " + coRecorded)
            .Concat(Rows("财金处", D("2019-08-01"), leadRecorded)));

        var owed = ReminderPlan.OwedFor(item, D(today), China2019And2020, Capped, history);

        Assert.Equal(expected, string.Join(" | ", owed.Select(o =>
            o.Stage.Stage.Kind == StageKind.CoInputLate ? $"{o.Division} {o.Stage.Code} {string.Join("、", o.LateCoDivisions)}" : $"{o.Division} {o.Stage.Code} #{o.Notice}")));
    }

    [Fact]
    public void ACoDivisionsCapOfZero_TellsTheLeadOnTheFirstOverdueDay_AndNeverCopiesTheCoDivisionsHead()
    {
        var item = Item(coDivisions: "法规处");
        var history = new ReminderHistory(Rows("法规处", D("2019-08-01"), LeadUpToDue));

        var owed = Assert.Single(ReminderPlan.OwedFor(item, D("2019-08-02"), China2019And2020, new ReminderPolicy(maxCoInputNotices: 0), history));
        var uncapped = Assert.Single(ReminderPlan.OwedFor(item, D("2019-08-02"), China2019And2020, ReminderPolicy.Default, history));

        Assert.Equal(("财金处", "co-input-late", ReminderRole.Lead), (owed.Division, owed.Stage.Code, owed.Role));
        Assert.Equal(("法规处", ReminderCopies.None), (uncapped.Division, uncapped.Copies & ReminderCopies.Head));
    }

    //  Assigned Mon 2019-07-01, 签收 within 2 working days (Jul 3), the 签收 line the day after (Jul 4),
    //  asked only within 10 working days of 交办 (through Jul 15).
    [Theory]
    [InlineData("2019-07-04", "ack")]
    [InlineData("2019-07-15", "ack")]
    [InlineData("2019-07-16", "")]   // first seen later (a ledger imported mid-year): no 签收 line
    public void Acknowledgement_IsAskedOnlyWithinItsWindow(string today, string expected)
    {
        var item = ItemDeadlines.Derive(Item(), China2019And2020, TimeLimits.Default);

        Assert.Equal(expected, string.Join(" ", ReminderPlan.OwedFor(item, D(today), China2019And2020, Capped).Select(o => o.Stage.Code)));
    }

    [Fact]
    public void Acknowledgement_IsNotAsked_OnceTheDueDatesRemindersHaveBegun()
    {
        // Assigned Sep 25, 签收 due Sep 27: the 签收 line goes on the working Sunday Sep 29. On Mon Sep 30 it is
        // still unrecorded (the worker was down), but before-1 has come (before-7, -3 and -1 all move back to
        // Sep 30 over National Day): the due date's reminder says it all, and no 签收 line goes beside it.
        var item = Item(assignedOn: "2019-09-25") with { AcknowledgeDueOn = D("2019-09-27") };

        Assert.Equal("ack", string.Join(" ", ReminderPlan.OwedFor(item, D("2019-09-29"), China2019And2020, Capped).Select(o => o.Stage.Code)));
        Assert.Equal("before-1", string.Join(" ", ReminderPlan.OwedFor(item, D("2019-09-30"), China2019And2020, Capped).Select(o => o.Stage.Code)));
    }

    private static IEnumerable<RecordedNotice> Rows(string division, DateOnly dueOn, string codes) =>
        codes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => new RecordedNotice(division, HandlingRound.First, dueOn, ReminderStage.Parse(c), true));
}
