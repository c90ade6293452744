using Proposals.Domain.Deadlines;
using Proposals.Domain.Ledger;
using Proposals.Worker.Import;
using static Proposals.Tests.Import.ImportFixtures;

namespace Proposals.Tests.Import;

/// <summary>The seeds are the 2018 ledger a bureau's annual report sums up: they must import cleanly.</summary>
public sealed class SeedTests
{
    private static ImportResult<Division> Divisions() => DivisionFile.Read(Seed("divisions.csv"));

    private static ImportResult<Item> Ledger() =>
        ProposalFile.Read(Seed("proposals-2018.csv"), Divisions().Rows.Select(d => d.Name).ToHashSet(), TestCalendar, TimeLimits.Default);

    [Fact]
    public void Divisions_ReadBack_WithAddressesOnAReservedDomain()
    {
        var result = Divisions();

        Assert.True(result.Ok, string.Join("\n", result.Problems));
        Assert.Contains(result.Rows, d => d.Name == "综合处");
        Assert.All(result.Rows, d => Assert.EndsWith("@finance.example.org", d.Email, StringComparison.Ordinal));
        Assert.True(result.Rows.Count(d => d.HeadEmail is not null) > result.Rows.Count / 2);
    }

    [Fact]
    public void Proposals2018_ReadBack_AsSixSuggestionsAndThreeProposals()
    {
        var result = Ledger();

        Assert.True(result.Ok, string.Join("\n", result.Problems));
        Assert.Equal(6, result.Rows.Count(i => i.Key.Kind == ItemKind.Npc && i.Key.Session == "十五届一次"));
        Assert.Equal(3, result.Rows.Count(i => i.Key.Kind == ItemKind.Cppcc && i.Key.Session == "十四届一次"));
        Assert.Equal(9, result.Rows.Count);
        Assert.Single(result.Rows, i => i.IsKey);
        Assert.Contains(result.Rows, i => i.Key.Number == "0012");
    }

    [Fact]
    public void Proposals2018_AreAllRepliedOnTime_AgainstTheDueDatesTheCalendarGives()
    {
        var items = Ledger().Rows;

        Assert.All(items, i =>
        {
            Assert.Equal(DueDate.AfterMonths(TestCalendar, i.AssignedOn, 3), i.DueOn);
            Assert.NotNull(i.RepliedOn);
            Assert.True(i.RepliedOn <= i.EffectiveDueOn, $"{i.Key} replied {i.RepliedOn} after {i.EffectiveDueOn}");
            Assert.False(i.IsReturned);
            Assert.Equal(2018, i.AssignedOn.Year);
        });
    }
    [Fact]
    public void Proposals2018_RecordEveryCoDivisionsInput_WithinItsMonth_AndBeforeTheReply()
    {
        var items = Ledger().Rows;

        Assert.Equal(5, items.Count(i => i.CoDivisions.Count > 0));
        Assert.All(items, i =>
        {
            Assert.Equal(i.CoDivisions.Order(StringComparer.Ordinal), i.CoInputs.Select(c => c.Division).Order(StringComparer.Ordinal));
            var due = DueDate.AfterMonths(TestCalendar, i.AssignedOn, TimeLimits.Default.CoInputMonths);
            Assert.All(i.CoInputs, c =>
            {
                Assert.True(c.DeliveredOn > i.AssignedOn && c.DeliveredOn <= due, $"{i.Key} {c.Division}: {c.DeliveredOn} outside {i.AssignedOn}..{due}");
                Assert.True(c.DeliveredOn < i.RepliedOn, $"{i.Key} {c.Division}: {c.DeliveredOn} not before the reply {i.RepliedOn}");
                Assert.True(TestCalendar.IsWorkingDay(c.DeliveredOn), $"{i.Key} {c.Division}: {c.DeliveredOn} is a day off");
            });
        });
    }
}
