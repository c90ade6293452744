using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;
using static Proposals.Tests.Reminders.RealCalendar;

namespace Proposals.Tests.Reminders;

/// <summary>The morning email's order and copies, and the weekly 通报's day, on the real 2019 calendar.</summary>
public class MorningEmailFacts
{
    private static OwedReminder Line(string number, ReminderRole role, string division, ReminderStage stage, string dueOn, string today, bool key = false)
    {
        var item = Item(coDivisions: "法规处") with { Key = new ItemKey(ItemKind.Npc, "十五届三次", number), IsKey = key };
        return ReminderPlan.Make(item, division, role, new PlannedStage(stage, D(today), D(dueOn)), 0, D(today), ReminderPolicy.Default, stage.IsOverdue ? 1 : 0);
    }

    [Fact]
    public void Lines_GoOverdueFirst_ThenByTheNearestDueDate_Then签收()
    {
        var lines = new[]
        {
            Line("0003", ReminderRole.Lead, "财金处", ReminderStage.Acknowledge, "2019-10-03", "2019-09-30"),
            Line("0002", ReminderRole.Lead, "财金处", ReminderStage.Before(7), "2019-10-07", "2019-09-30"),
            Line("0004", ReminderRole.Lead, "财金处", ReminderStage.Overdue(1), "2019-09-27", "2019-09-30"),
            Line("0001", ReminderRole.Lead, "财金处", ReminderStage.Before(1), "2019-10-01", "2019-09-30"),
            Line("0005", ReminderRole.Lead, "财金处", ReminderStage.Overdue(2), "2019-09-20", "2019-09-30"),
        };

        Assert.Equal(["0005", "0004", "0001", "0002", "0003"], MorningEmail.Order(lines, l => l).Select(l => l.Item.Number));
    }

    [Theory]
    [InlineData("lead overdue", "Head")]
    [InlineData("co overdue", "None")]          // a co-division's 督办 never copies its head
    [InlineData("lead before", "None")]
    [InlineData("key due", "Head")]             // a key item is supervised from its due date
    [InlineData("lead before|lead overdue", "Head")]
    public void TheHead_IsCopied_OnlyForASupervisionOfAnItemTheDivisionLeads(string lines, string expected)
    {
        var owed = lines.Split('|').Select(l => l switch
        {
            "lead overdue" => Line("0001", ReminderRole.Lead, "财金处", ReminderStage.Overdue(1), "2019-10-08", "2019-10-09"),
            "co overdue" => Line("0002", ReminderRole.CoDivision, "法规处", ReminderStage.Overdue(1), "2019-08-01", "2019-08-02"),
            "lead before" => Line("0003", ReminderRole.Lead, "财金处", ReminderStage.Before(7), "2019-10-08", "2019-09-30"),
            "key due" => Line("0004", ReminderRole.Lead, "财金处", ReminderStage.Due, "2019-10-08", "2019-10-08", key: true),
            _ => throw new ArgumentOutOfRangeException(nameof(lines), l, null),
        });

        Assert.Equal(expected, MorningEmail.Copies(owed).ToString());
    }

    //  BulletinDay Monday. National Day 2019: Oct 1-7 off, so the week's 通报 goes on Tue Oct 8.
    [Theory]
    [InlineData("Monday", "2019-09-30", "2019-09-30", true)]
    [InlineData("Monday", "2019-10-07", "2019-10-07", false)]  // a day off: not today
    [InlineData("Monday", "2019-10-08", "2019-10-07", true)]   // the next working day, the same week's
    [InlineData("Monday", "2019-10-12", "2019-10-07", true)]   // a working Saturday: the week's, if it has not gone
    [InlineData("Friday", "2019-10-08", "2019-10-04", true)]
    [InlineData("Sunday", "2019-09-29", "2019-09-29", true)]   // a working Sunday
    public void TheBulletin_GoesOnItsDay_OrTheNextWorkingDay_OncePerWeek(string day, string today, string week, bool due)
    {
        var weekday = BulletinSchedule.ParseDay(day)!.Value;

        Assert.Equal((D(week), due), (BulletinSchedule.WeekOf(weekday, D(today)), China2019And2020.IsWorkingDay(D(today))));
    }

    [Theory]
    [InlineData("Monday", DayOfWeek.Monday)]
    [InlineData("friday", DayOfWeek.Friday)]
    [InlineData("周一", DayOfWeek.Monday)]
    [InlineData("星期三", DayOfWeek.Wednesday)]
    [InlineData("周日", DayOfWeek.Sunday)]
    [InlineData("星期天", DayOfWeek.Sunday)]
    [InlineData(" 周六 ", DayOfWeek.Saturday)]
    [InlineData("周八", null)]
    [InlineData("1", null)]
    [InlineData("Mon", null)]
    [InlineData("", null)]
    public void BulletinDay_IsADayName_InEnglishOrChinese(string text, DayOfWeek? expected) =>
        Assert.Equal(expected, BulletinSchedule.ParseDay(text));
}
