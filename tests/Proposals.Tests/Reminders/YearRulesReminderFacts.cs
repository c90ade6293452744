using Proposals.Domain.Deadlines;
using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;
using static Proposals.Tests.Reminders.RealCalendar;

namespace Proposals.Tests.Reminders;

/// <summary>The rest of a bureau's year in the reminder plan: acknowledgement, re-handling, key items, co-division input, the bureau assisting.</summary>
public class YearRulesReminderFacts
{
    private static readonly TimeLimits Limits = TimeLimits.Default;

    private static Item Derived(Item item) => ItemDeadlines.Derive(item, China2019And2020, Limits);

    private static string Describe(IEnumerable<OwedReminder> owed) =>
        string.Join(" | ", owed.Select(o => $"{o.Division} {o.Stage.Code}@{o.Stage.PlannedOn:MM-dd} due {o.DueOn:MM-dd}{(o.Round == HandlingRound.Rehandling ? " 重新办理" : "")}{(o.Supervision ? " 督办" : "")} cc:{o.Copies}"));

    private static string Owed(Item item, string today, ReminderHistory? recorded = null, ReminderPolicy? policy = null) =>
        Describe(ReminderPlan.OwedFor(item, D(today), China2019And2020, policy ?? ReminderPolicy.Default, recorded));

    //  Assigned Mon 2019-07-01; acknowledge within 2 working days (Jul 3); the 签收 reminder goes on the
    //  first working day after, once, while not acknowledged:
    //
    //   Jul 1      Jul 2   Jul 3 (limit)   Jul 4          Jul 5
    //   assigned                           ack reminder   (recorded: nothing more)
    [Theory]
    [InlineData("2019-07-03", null, "")]
    [InlineData("2019-07-04", null, "财金处 ack@07-04 due 07-03 cc:None")]
    [InlineData("2019-07-08", null, "财金处 ack@07-04 due 07-03 cc:None")]   // the worker was down: still owed once
    [InlineData("2019-07-04", "2019-07-03", "")]                             // acknowledged in time
    [InlineData("2019-07-04", "2019-07-04", "")]                             // acknowledged the same morning
    public void Acknowledgement_IsRemindedOnce_TheWorkingDayAfterItsLimit(string today, string? acknowledgedOn, string expected)
    {
        var item = Derived(Item() with { AcknowledgedOn = acknowledgedOn is null ? null : D(acknowledgedOn) });

        Assert.Equal(D("2019-07-03"), item.AcknowledgeDueOn);
        Assert.Equal(expected, Owed(item, today));
    }

    [Fact]
    public void Acknowledgement_IsNotRemindedTwice_NorAfterTheDueDate()
    {
        var item = Derived(Item());
        var recorded = ReminderOwedFacts.Recorded("财金处", D("2019-07-03"), "ack");

        Assert.Equal("", Owed(item, "2019-07-05", recorded));
        // Past the reply's due date the supervision notices say it all: no 签收 reminder beside them.
        Assert.DoesNotContain("ack", Owed(item, "2019-10-09"), StringComparison.Ordinal);
    }

    //  Replied 2019-09-20, evaluated 不满意 on Thu 2019-10-10: handled again, due one month later,
    //  Mon 2019-11-11 (Nov 10 is a Sunday). Reminders run against that date and say 重新办理:
    //
    //   Oct 10      Oct 25      Nov 4      Nov 8      Nov 11     Nov 12
    //   evaluated   before-15   before-7   before-3   due        overdue-1 (head + coordinator)
    //               (Sun 27 ->)
    [Theory]
    [InlineData("2019-10-09", "")]
    [InlineData("2019-10-25", "财金处 before-15@10-25 due 11-11 重新办理 cc:None")]
    [InlineData("2019-11-11", "财金处 due@11-11 due 11-11 重新办理 cc:None")]
    [InlineData("2019-11-12", "财金处 overdue-1@11-12 due 11-11 重新办理 督办 cc:Head, Coordinator")]
    public void Rehandling_IsRemindedAgainstTheRehandlingDueDate(string today, string expected)
    {
        var item = Derived(Item() with { RepliedOn = D("2019-09-20"), Satisfaction = Satisfaction.Dissatisfied, EvaluatedOn = D("2019-10-10") });

        Assert.Equal(D("2019-11-11"), item.RehandleDueOn);
        Assert.Equal(expected, Owed(item, today));
    }

    [Theory]
    [InlineData("2019-11-08", "2019-11-12", "")]   // answered again before the due date
    [InlineData(null, "2019-11-12", "财金处 overdue-1@11-12 due 11-11 重新办理 督办 cc:Head, Coordinator")]
    public void Rehandling_Stops_OnceAnsweredAgain(string? rerepliedOn, string today, string expected)
    {
        var item = Derived(Item() with
        {
            RepliedOn = D("2019-09-20"), Satisfaction = Satisfaction.Dissatisfied, EvaluatedOn = D("2019-10-10"),
            RerepliedOn = rerepliedOn is null ? null : D(rerepliedOn),
        });

        Assert.Equal(expected, Owed(item, today));
    }

    [Fact]
    public void Rehandling_WithoutAnEvaluationDate_IsNotReminded_BecauseItsDueDateIsUnknown()
    {
        var item = Derived(Item() with { RepliedOn = D("2019-09-20"), Satisfaction = Satisfaction.Dissatisfied });

        Assert.Null(item.RehandleDueOn);
        Assert.Equal("", Owed(item, "2019-11-12"));
    }

    //  A key item (重点督办) due Tue 2019-10-08: its due-date reminder is already supervision and copies
    //  the head; every overdue one also copies the leader who follows it (Mail:Leader).
    [Theory]
    [InlineData("2019-09-30", true, "财金处 before-1@09-30 due 10-08 cc:None")]
    [InlineData("2019-10-08", true, "财金处 due@10-08 due 10-08 督办 cc:Head")]
    [InlineData("2019-10-09", true, "财金处 overdue-1@10-09 due 10-08 督办 cc:Head, Coordinator, Leader")]
    [InlineData("2019-10-08", false, "财金处 due@10-08 due 10-08 cc:None")]
    [InlineData("2019-10-09", false, "财金处 overdue-1@10-09 due 10-08 督办 cc:Head, Coordinator")]
    public void KeyItems_AreSupervisedFromTheDueDate_AndCopyTheLeaderWhenOverdue(string today, bool key, string expected) =>
        Assert.Equal(expected, Owed(Item() with { IsKey = key, AcknowledgedOn = D("2019-07-02") }, today));

    [Fact]
    public void KeyItems_WaitForTheOverdueStage_WhenThePolicySaysSo() =>
        Assert.Equal("财金处 due@10-08 due 10-08 cc:None",
            Owed(Item() with { IsKey = true }, "2019-10-08", policy: new ReminderPolicy(keyItemsSupervisedFromDueDate: false)));

    //  Co-divisions 法规处 and 地方金融处, input due Thu 2019-08-01; 法规处's input arrives Jul 30:
    //  from then on only 地方金融处 is reminded.
    [Theory]
    [InlineData("2019-07-29", "法规处 before-3@07-29 due 08-01 cc:None | 地方金融处 before-3@07-29 due 08-01 cc:None")]
    [InlineData("2019-08-01", "地方金融处 due@08-01 due 08-01 cc:None")]
    [InlineData("2019-08-02", "地方金融处 overdue-1@08-02 due 08-01 督办 cc:None")]
    public void CoDivisions_WhoseInputIsRecorded_AreNoLongerReminded(string today, string expected)
    {
        var item = Item(coDivisions: ["法规处", "地方金融处"]) with
        {
            CoInputs = [new CoInput("法规处", D("2019-07-30"))],
            AcknowledgedOn = D("2019-07-02"),
        };

        Assert.Equal(expected, Owed(item, today));
    }

    //  The bureau assists the city's lead unit: its obligation is its input within one month, Thu
    //  2019-08-01; the internal lead division is reminded against that date like a lead.
    [Fact]
    public void AnAssistingBureau_IsRemindedAgainstItsInputDate()
    {
        var assigned = D("2019-07-01");
        var due = ItemDeadlines.DueOn(BureauRole.Assisting, assigned, null, China2019And2020, Limits);
        var item = Derived(Item() with { BureauRole = BureauRole.Assisting, DueOn = due, AcknowledgedOn = D("2019-07-02") });

        Assert.Equal(D("2019-08-01"), due);
        Assert.Equal("财金处 due@08-01 due 08-01 cc:None", Owed(item, "2019-08-01"));
        Assert.Equal("财金处 overdue-1@08-02 due 08-01 督办 cc:Head, Coordinator", Owed(item, "2019-08-02"));
    }

    [Fact]
    public void AReturnedItem_OwesNothing_ItsAcknowledgementIncluded() =>
        Assert.Equal("", Owed(Derived(Item() with { ReturnDecision = ReturnDecision.Approved, ReturnedOn = D("2019-07-02"), ReturnDecidedOn = D("2019-07-02") }), "2019-07-04"));
}
