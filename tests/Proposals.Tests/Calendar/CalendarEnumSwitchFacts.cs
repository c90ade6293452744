using Proposals.Domain.Calendar;
using Proposals.Worker.Hosting;
using static Proposals.Tests.Infrastructure.EnumValues;

namespace Proposals.Tests.Calendar;

/// <summary>
/// Every kind of day and every state of a year's calendar has its own words; a value outside the enum
/// is refused, not taken for the last one.
/// </summary>
public sealed class CalendarEnumSwitchFacts
{
    private static readonly WorkingCalendar China = new(ShippedCalendar.Load());

    public static TheoryData<DayKind> EveryDayKind => All<DayKind>();
    public static TheoryData<YearKnowledge> EveryYearKnowledge => All<YearKnowledge>();

    // The first day of each kind in 2025 as shipped: 元旦 (1 January) off, Sunday 26 January worked before 春节.
    private static NamedDay First2025(DayKind kind) => YearDays.Of(China, 2025).First(d => d.Day.Kind == kind);

    [Theory]
    [MemberData(nameof(EveryDayKind))]
    public void DayKind_HasItsOwnArrangement_OnTheShippedCalendar(DayKind kind)
    {
        var day = First2025(kind);
        AssertOwn(kind, k => First2025(k).Arrangement);
        AssertOwn(kind, k => ScheduleBuilder.Describe(new ScheduledDay(k, day.Day.Name)));
    }

    [Fact]
    public void DayKind_ReadsAsDayOffOrWorkingDay()
    {
        Assert.Equal("放假", First2025(DayKind.Holiday).Arrangement);
        Assert.Equal("上班", First2025(DayKind.WorkingWeekend).Arrangement);
        Assert.Equal(new DateOnly(2025, 1, 26), First2025(DayKind.WorkingWeekend).Date); // Sunday before 春节
    }

    [Fact]
    public void DayKind_Undefined_IsRefused()
    {
        var day = new ScheduledDay(Undefined<DayKind>(), "国庆节");
        Assert.Throws<ArgumentOutOfRangeException>(() => new NamedDay(new DateOnly(2025, 10, 1), day, Estimated: false).Arrangement);
        Assert.Throws<ArgumentOutOfRangeException>(() => ScheduleBuilder.Describe(day));
    }

    [Theory]
    [MemberData(nameof(EveryYearKnowledge))]
    public void YearKnowledge_HasItsOwnHealthName_AndAWarningUnlessPublished(YearKnowledge knowledge)
    {
        AssertOwn(knowledge, HealthCalendarCheck.Name);
        if (knowledge == YearKnowledge.Published)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => CalendarWarnings.Text(knowledge, [2027]));
        }
        else
        {
            // A published year has no warning to share.
            AssertOwn(knowledge, k => k == YearKnowledge.Published ? null : CalendarWarnings.Text(k, [2027]));
        }
    }

    [Fact]
    public void YearKnowledge_Undefined_IsRefused()
    {
        var knowledge = Undefined<YearKnowledge>();
        Assert.Throws<ArgumentOutOfRangeException>(() => HealthCalendarCheck.Name(knowledge));
        Assert.Throws<ArgumentOutOfRangeException>(() => CalendarWarnings.Text(knowledge, [2027]));
    }
}
