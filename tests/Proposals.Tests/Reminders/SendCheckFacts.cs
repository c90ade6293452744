using Proposals.Domain.Deadlines;
using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;
using static Proposals.Tests.Reminders.RealCalendar;

namespace Proposals.Tests.Reminders;

/// <summary>
/// What a recorded reminder becomes when a sender comes to it: the ledger may have changed since the
/// sweep, and days may have passed while the mail server was down.
/// </summary>
public class SendCheckFacts
{
    private static string Check(Item item, string stage, string dueOn, string plannedOn, string today, ReminderRole role = ReminderRole.Lead, string division = "财金处") =>
        SendCheck.Of(item, division, role, D(dueOn), ReminderStage.Parse(stage), D(plannedOn), D(today), China2019And2020, ReminderPolicy.Default) switch
        {
            SendCheck.Send send => $"send {send.Reminder.Stage.Code}{(send.Reminder.Supervision ? " 督办" : "")}",
            SendCheck.Newer newer => $"newer {newer.Reminder.Stage.Code} due {newer.Reminder.DueOn:MM-dd}{(newer.Reminder.Supervision ? " 督办" : "")}",
            SendCheck.NotYet notYet => $"not yet {notYet.PlannedOn:MM-dd}",
            SendCheck.NotOwed notOwed => $"not owed: {notOwed.Reason}",
            _ => "?",
        };

    private static Item Due1008 => Item() with { AcknowledgedOn = D("2019-07-02") };

    //  Due Tue 2019-10-08. The due-day reminder could not go out (mail server down): retried the next
    //  morning it goes out as the stage owed that day, overdue-1, with its copies, never as a
    //  "due today" message a day late.
    [Theory]
    [InlineData("due", "2019-10-08", "2019-10-08", "send due")]
    [InlineData("due", "2019-10-08", "2019-10-09", "newer overdue-1 due 10-08 督办")]
    [InlineData("before-1", "2019-09-30", "2019-10-08", "newer due due 10-08")]
    [InlineData("overdue-1", "2019-10-09", "2019-10-12", "send overdue-1 督办")]   // Sat Oct 12 worked; overdue-2 on Oct 15
    [InlineData("overdue-1", "2019-10-09", "2019-10-08", "not yet 10-09")]          // recorded by a sweep run as of a later day
    public void ARecordedReminder_GoesOutAsTheStageOwedToday(string stage, string plannedOn, string today, string expected) =>
        Assert.Equal(expected, Check(Due1008, stage, "2019-10-08", plannedOn, today));

    [Fact]
    public void AnAnswerRecordedSinceTheSweep_CancelsIt() =>
        Assert.StartsWith("not owed: 事项已答复", Check(Due1008 with { RepliedOn = D("2019-10-08") }, "due", "2019-10-08", "2019-10-08", "2019-10-08"), StringComparison.Ordinal);

    [Fact]
    public void AnExtension_PutsTheNewDatesStageInItsPlace_OrWaits()
    {
        var extended = Due1008 with { Extension = new Extension(D("2019-12-31"), "涉及多部门协调") };

        Assert.Equal("not owed: 办理期限已改为 2019-12-31 (the due date is now 2019-12-31)", Check(extended, "overdue-1", "2019-10-08", "2019-10-09", "2019-10-09"));
        Assert.Equal("newer before-15 due 12-31", Check(extended, "overdue-4", "2019-10-08", "2019-10-29", "2019-12-16"));
    }

    [Fact]
    public void ADivisionNoLongerHandlingTheItem_IsNotReminded() =>
        Assert.StartsWith("not owed: 处室 财金处 已不再承办", Check(Due1008 with { LeadDivision = "综合处" }, "due", "2019-10-08", "2019-10-08", "2019-10-08"), StringComparison.Ordinal);

    [Fact]
    public void ACoDivisionsRecordedInput_CancelsItsReminder()
    {
        var item = Item(coDivisions: "法规处") with { CoInputs = [new CoInput("法规处", D("2019-07-31"))] };

        Assert.StartsWith("not owed: 协办意见已送达", Check(item, "due", "2019-08-01", "2019-08-01", "2019-08-01", ReminderRole.CoDivision, "法规处"), StringComparison.Ordinal);
    }

    [Fact]
    public void TheAcknowledgementReminder_IsCancelled_OnceAcknowledged()
    {
        var item = ItemDeadlines.Derive(Item(), China2019And2020, TimeLimits.Default);

        Assert.Equal("send ack", Check(item, "ack", "2019-07-03", "2019-07-04", "2019-07-04"));
        Assert.StartsWith("not owed", Check(item with { AcknowledgedOn = D("2019-07-04") }, "ack", "2019-07-03", "2019-07-04", "2019-07-04"), StringComparison.Ordinal);
    }
}
