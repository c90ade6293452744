using Microsoft.Extensions.Configuration;
using Proposals.Domain.Reminders;

namespace Proposals.Tests.Reminders;

public class ReminderPolicyFacts
{
    [Fact]
    public void Default_Is15_7_3_1_DueDate_ThenEvery5WorkingDays()
    {
        var p = ReminderPolicy.Default;
        Assert.Equal([15, 7, 3, 1], p.DaysBefore);
        Assert.Equal(5, p.OverdueEveryWorkingDays);
        Assert.True(p.RemindOnDueDate);
        Assert.Null(p.MaxOverdueStages);
        Assert.Equal(15, p.MaxDaysBefore);
    }

    [Fact]
    public void DaysBefore_AreSortedLargestFirst_AndCompareByValue()
    {
        var p = new ReminderPolicy([1, 15, 3, 7]);
        Assert.Equal([15, 7, 3, 1], p.DaysBefore);
        Assert.Equal(ReminderPolicy.Default, p);
        Assert.Equal(ReminderPolicy.Default.GetHashCode(), p.GetHashCode());
        Assert.NotEqual(ReminderPolicy.Default, new ReminderPolicy([15, 7, 3]));
    }

    [Theory]
    [InlineData(new[] { 15, 0 }, "Reminders:DaysBefore lists 0")]
    [InlineData(new[] { -3 }, "Reminders:DaysBefore lists -3")]
    [InlineData(new[] { 400 }, "Reminders:DaysBefore lists 400")]
    [InlineData(new[] { 7, 3, 7 }, "Reminders:DaysBefore lists 7 more than once")]
    public void Ctor_Throws_WhenDaysBeforeAreBad(int[] days, string message)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new ReminderPolicy(days));
        Assert.Contains(message, e.Message);
        Assert.Equal("daysBefore", e.ParamName);
    }

    [Theory]
    [InlineData(0, null, "Reminders:OverdueEveryWorkingDays must be 1 or more working days; it is 0")]
    [InlineData(5, -1, "Reminders:MaxOverdueStages must be 0 or more")]
    public void Ctor_Throws_WhenOverdueSettingsAreBad(int every, int? max, string message)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ReminderPolicy(overdueEveryWorkingDays: every, maxOverdueStages: max));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void DaysBefore_MayBeEmpty_LeavingTheDueDateAndOverdueStages()
    {
        var p = new ReminderPolicy([]);
        Assert.Empty(p.DaysBefore);
        Assert.Equal(0, p.MaxDaysBefore);
    }

    [Fact]
    public void Binds_FromTheRemindersSection_ThroughTheConstructor()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Reminders:DaysBefore:0"] = "10",
            ["Reminders:DaysBefore:1"] = "2",
            ["Reminders:MaxOverdueStages"] = "6",
        }).Build();

        var p = config.GetSection("Reminders").Get<ReminderPolicy>();

        Assert.Equal(new ReminderPolicy([10, 2], maxOverdueStages: 6), p);

        var onlyOne = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Reminders:RemindOnDueDate"] = "false",
        }).Build().GetSection("Reminders").Get<ReminderPolicy>();
        Assert.Equal(new ReminderPolicy([15, 7, 3, 1], remindOnDueDate: false), onlyOne); // settings left out keep their defaults
    }

    [Fact]
    public void Binding_FailsWithTheSettingsName_WhenASettingIsBad()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Reminders:OverdueEveryWorkingDays"] = "0",
        }).Build();

        var e = Assert.ThrowsAny<Exception>(() => config.GetSection("Reminders").Get<ReminderPolicy>());
        Assert.Contains("Reminders:OverdueEveryWorkingDays", (e.InnerException ?? e).Message);
    }
}
