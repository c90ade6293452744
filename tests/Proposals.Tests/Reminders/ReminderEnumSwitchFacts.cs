using System.Globalization;
using System.Reflection;
using Proposals.Domain.Ledger;
using Proposals.Domain.Reminders;
using Proposals.Mail;
using Proposals.Tests.Mail;
using static Proposals.Tests.Infrastructure.EnumValues;
using static Proposals.Tests.Reminders.RealCalendar;

namespace Proposals.Tests.Reminders;

/// <summary>
/// Every value of the reminders' enums has its own code and words, read back by the parsers, and its
/// own place in the plan and the emails; a value outside the enum is refused, not taken for the last one.
/// </summary>
public sealed class ReminderEnumSwitchFacts
{
    public static TheoryData<StageKind> EveryStageKind => All<StageKind>();
    public static TheoryData<ReminderRole> EveryRole => All<ReminderRole>();
    public static TheoryData<ReminderState> EveryState => All<ReminderState>();
    public static TheoryData<ReminderGrouping> EveryGrouping => All<ReminderGrouping>();
    public static TheoryData<ItemKind> EveryItemKind => All<ItemKind>();

    // The order the kinds fall in, as ReminderStage documents it: ack, before-N, due, overdue-N, co-input-late.
    private static readonly StageKind[] DocumentedOrder =
        [StageKind.Acknowledge, StageKind.Before, StageKind.Due, StageKind.Overdue, StageKind.CoInputLate];

    // A stage of each kind, as the plan makes them.
    private static ReminderStage Stage(StageKind kind) => kind switch
    {
        StageKind.Acknowledge => ReminderStage.Acknowledge,
        StageKind.Before => ReminderStage.Before(3),
        StageKind.Due => ReminderStage.Due,
        StageKind.Overdue => ReminderStage.Overdue(2),
        StageKind.CoInputLate => ReminderStage.CoInputLate,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a stage kind these facts do not cover yet"),
    };

    // A stage of a kind no factory makes: only the private constructor builds one, reached by reflection.
    private static ReminderStage Unmade(StageKind kind) =>
        (ReminderStage)typeof(ReminderStage)
            .GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, [typeof(StageKind), typeof(int)])!
            .Invoke([kind, 1]);

    // The division playing each role for RealCalendar's item with one co-division.
    private static string DivisionOf(ReminderRole role) => role switch
    {
        ReminderRole.Lead => "财金处",
        ReminderRole.CoDivision => "法规处",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "a role these facts do not cover yet"),
    };

    private static Item ItemWithCoDivision() => Item(coDivisions: "法规处");

    [Theory]
    [MemberData(nameof(EveryStageKind))]
    public void StageKind_HasItsOwnCodeAndName_ReadBack(StageKind kind)
    {
        var stage = Stage(kind);
        Assert.Equal(kind, stage.Kind);
        AssertOwn(kind, k => Stage(k).Code);
        AssertOwn(kind, k => Stage(k).ChineseName);
        Assert.Equal(stage, ReminderStage.Parse(stage.Code));
    }

    [Theory]
    [MemberData(nameof(EveryStageKind))]
    public void StageKind_FallsAmongTheOthers_AsDocumented(StageKind kind)
    {
        var place = Array.IndexOf(DocumentedOrder, kind);
        Assert.True(place >= 0, $"{kind} has no place in the documented order");
        foreach (var other in Enum.GetValues<StageKind>())
        {
            var expected = Math.Sign(place.CompareTo(Array.IndexOf(DocumentedOrder, other)));
            Assert.Equal(expected, Math.Sign(Stage(kind).CompareTo(Stage(other))));
            Assert.Equal(-expected, Math.Sign(Stage(other).CompareTo(Stage(kind))));
        }
    }

    // Within a kind: the more days before the due date first; notices by their ordinal.
    [Fact]
    public void Stages_SortAsTheyFallDue()
    {
        const string due = "ack before-365 before-15 before-3 before-1 due overdue-1 overdue-2 overdue-10 overdue-64 overdue-65 co-input-late";
        var stages = due.Split(' ').Select(ReminderStage.Parse).ToList();
        var shuffled = stages.OrderBy(s => s.Code.GetHashCode(StringComparison.Ordinal)).Reverse().ToList();
        shuffled.Sort();
        Assert.Equal(due, string.Join(' ', shuffled.Select(s => s.Code)));
        Assert.Equal(0, ReminderStage.Due.CompareTo(ReminderStage.Due));
        Assert.Equal(0, ReminderStage.Before(3).CompareTo(ReminderStage.Before(3)));
        Assert.True(ReminderStage.Before(3) > ReminderStage.Before(4));
        Assert.True(ReminderStage.Overdue(3) > ReminderStage.Overdue(2));
    }

    [Fact]
    public void StageKind_Undefined_IsRefused()
    {
        var stage = Unmade(Undefined<StageKind>());
        Assert.Throws<ArgumentOutOfRangeException>(() => stage.Code);
        Assert.Throws<ArgumentOutOfRangeException>(() => stage.ChineseName);
        Assert.Throws<ArgumentOutOfRangeException>(() => stage.IsOnTheLine);
        Assert.Throws<ArgumentOutOfRangeException>(() => stage.CompareTo(stage));
        Assert.Throws<ArgumentOutOfRangeException>(() => stage.CompareTo(ReminderStage.Due));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReminderStage.CoInputLate.CompareTo(stage));
    }

    [Theory]
    [MemberData(nameof(EveryRole))]
    public void Role_HasItsOwnCodeNameAndDueDate_ReadBack(ReminderRole role)
    {
        AssertOwn(role, r => r.Code());
        AssertOwn(role, r => r.ChineseName());
        Assert.Equal(role, ReminderRoles.Parse(role.Code()));

        // Assigned 2019-07-01: the lead's answer is due 2019-10-08, the co-division's input 2019-08-01.
        var item = ItemWithCoDivision();
        var today = D("2019-07-01");
        AssertOwn(role, r => ReminderPlan.DueOnFor(item, r, today));
        var division = DivisionOf(role);
        foreach (var other in Enum.GetValues<ReminderRole>())
        {
            Assert.Equal(other == role, ReminderPlan.Handles(item, other, division));
        }
        Assert.True(ReminderPlan.Owes(item, role, division, today));
        var next = ReminderPlan.NextStage(item, role, division, today, China2019And2020, ReminderPolicy.Default);
        Assert.Equal(ReminderPlan.DueOnFor(item, role, today), next?.DueOn);
    }

    [Fact]
    public void Role_Undefined_IsRefused()
    {
        var role = Undefined<ReminderRole>();
        var item = ItemWithCoDivision();
        var today = D("2019-09-30");
        Assert.Throws<ArgumentOutOfRangeException>(() => role.Code());
        Assert.Throws<ArgumentOutOfRangeException>(() => role.ChineseName());
        Assert.Throws<ArgumentOutOfRangeException>(() => ReminderPolicy.Default.NoticeCap(role));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReminderPlan.DueOnFor(item, role, today));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReminderPlan.Handles(item, role, item.LeadDivision));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReminderPlan.Owes(item, role, item.LeadDivision, today));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReminderPlan.Owed(item, role, item.LeadDivision, today, China2019And2020, ReminderPolicy.Default));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReminderPlan.Current(item, role, item.LeadDivision, today, China2019And2020, ReminderPolicy.Default));
    }

    [Theory]
    [MemberData(nameof(EveryState))]
    public void State_HasItsOwnCodeAndName_ReadBack(ReminderState state)
    {
        AssertOwn(state, s => s.Code());
        AssertOwn(state, s => s.ChineseName());
        Assert.Equal(state, ReminderStates.Parse(state.Code()));
        Assert.Contains(state.Code(), ReminderStates.Codes);
    }

    [Fact]
    public void State_Undefined_IsRefused()
    {
        var state = Undefined<ReminderState>();
        Assert.Throws<ArgumentOutOfRangeException>(() => state.Code());
        Assert.Throws<ArgumentOutOfRangeException>(() => state.ChineseName());
    }

    [Theory]
    [MemberData(nameof(EveryGrouping))]
    public void Grouping_HasItsOwnCode_ReadBackInAnyCase(ReminderGrouping grouping)
    {
        AssertOwn(grouping, g => g.Code());
        Assert.Equal(grouping, ReminderGroupings.Parse(grouping.Code()));
        Assert.Equal(grouping, ReminderGroupings.Parse(grouping.Code().ToUpperInvariant()));
        Assert.Equal(grouping, ReminderGroupings.Parse(" " + CultureInfo.InvariantCulture.TextInfo.ToTitleCase(grouping.Code()) + " "));
    }

    [Fact]
    public void Grouping_Undefined_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Undefined<ReminderGrouping>().Code());

    // What the calendar event of the lead's first reply says is due, at each kind of stage.
    private static readonly Dictionary<StageKind, string> CalendarNames = new()
    {
        [StageKind.Acknowledge] = "签收期限",
        [StageKind.Before] = "办理期限",
        [StageKind.Due] = "办理期限",
        [StageKind.Overdue] = "办理期限",
        [StageKind.CoInputLate] = "协办意见反馈期限",
    };

    [Theory]
    [MemberData(nameof(EveryStageKind))]
    public void StageKind_NamesItsDueDate_InTheCalendar(StageKind kind)
    {
        Assert.True(CalendarNames.TryGetValue(kind, out var what), $"{kind} has no calendar name in these facts");
        var summary = DueDateCalendar.Summary(MailSamples.LeadReminder().WithStage(Stage(kind).Code));
        Assert.Equal("人大代表建议 十五届一次 第0012号 " + what, summary);
    }

    // The role and the round name the due date of a stage of the line; a co-division only ever feeds the first reply.
    [Theory]
    [InlineData(ReminderRole.Lead, HandlingRound.First, "办理期限")]
    [InlineData(ReminderRole.Lead, HandlingRound.Rehandling, "重新办理期限")]
    [InlineData(ReminderRole.CoDivision, HandlingRound.First, "协办意见反馈期限")]
    [InlineData(ReminderRole.CoDivision, HandlingRound.Rehandling, "协办意见反馈期限")]
    public void RoleAndRound_NameTheDueDate_InTheCalendar(ReminderRole role, HandlingRound round, string what)
    {
        var m = MailSamples.LeadReminder().WithStage("due");
        m = m with { Reminder = m.Reminder with { Role = role, Round = round } };
        Assert.EndsWith(" " + what, DueDateCalendar.Summary(m), StringComparison.Ordinal);
        // The acknowledgement is the lead's, whatever the round.
        Assert.EndsWith(" 签收期限", DueDateCalendar.Summary(m.WithStage("ack")), StringComparison.Ordinal);
    }

    [Fact]
    public void Calendar_UndefinedKindRoleOrRound_IsRefused()
    {
        var m = MailSamples.LeadReminder().WithStage("due");
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            DueDateCalendar.Summary(m with { Reminder = m.Reminder with { Stage = m.Reminder.Stage with { Stage = Unmade(Undefined<StageKind>()) } } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => DueDateCalendar.Summary(m with { Reminder = m.Reminder with { Role = Undefined<ReminderRole>() } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => DueDateCalendar.Summary(m with { Reminder = m.Reminder with { Round = Undefined<HandlingRound>() } }));
    }

    [Theory]
    [MemberData(nameof(EveryItemKind))]
    public void ItemKind_HasItsOwnProposerTitle(ItemKind kind) =>
        AssertOwn(kind, ReminderTemplateModel.ProposerTitle);

    [Theory]
    [InlineData(ItemKind.Npc, "代表")]
    [InlineData(ItemKind.Cppcc, "委员")]
    public void ItemKind_NamesItsProposers_InTheTemplates(ItemKind kind, string title)
    {
        var m = MailSamples.LeadReminder().WithItem(i => i with { Key = i.Key with { Kind = kind } });
        Assert.Equal(title, ReminderTemplateModel.Values(m).Single(v => v.Name == "proposer_title").Value);
    }

    [Fact]
    public void ItemKind_Undefined_IsRefused_AsAProposerTitle() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReminderTemplateModel.ProposerTitle(Undefined<ItemKind>()));
}
