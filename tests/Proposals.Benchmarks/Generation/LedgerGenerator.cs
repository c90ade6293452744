using System.Globalization;

namespace Proposals.Benchmarks.Generation;

/// <summary>
/// A large ledger (台账) that looks like a bureau's, the same for the same seed, streamed so that a
/// million rows never sit in memory: both kinds, assignments spread over working days from 2020 to
/// the sweep day, the 300 divisions as leads; ~95.5% answered (one in ten late), ~1% returned, ~3%
/// open and not yet due, ~0.5% overdue (due within the year before the sweep day); 30% with one or
/// two co-divisions, 1% key items (重点督办), 2% of the answered and open extended; one due date in
/// ten left empty for the program to compute.
/// </summary>
internal sealed class LedgerGenerator(int seed)
{
    private enum State { Answered, Returned, Open, Overdue }

    private static readonly string[] Topics =
    [
        "小微企业首贷", "普惠金融服务站", "政府性融资担保", "绿色金融", "农村集体经济", "城市更新资金", "义务教育经费", "养老服务补贴",
        "公交线路调整", "老旧小区改造", "基层医疗机构", "科技成果转化", "乡村振兴衔接资金", "政府采购中小企业", "专项债券使用",
    ];

    private static readonly string[] Aspects = ["", "工作", "机制", "试点", "政策落实", "资金保障"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高"];
    private static readonly string[] Given = ["建国", "梅", "伟", "洋", "敏", "丽", "强", "静", "华", "磊", "芳", "军", "婷", "勇", "霞"];
    private static readonly string[] Groups = ["民革市委会", "民盟市委会", "九三学社市委会", "市工商联", "农工党市委会"];
    private static readonly string[] Classes = ["A", "B", "C", "D"];
    private static readonly string[] Satisfactions = ["满意", "基本满意", "不满意"];

    /// <summary>How many items of each state were generated so far.</summary>
    public Dictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

    /// <summary>Makes <paramref name="count"/> items, one at a time.</summary>
    public IEnumerable<LedgerItem> Items(int count)
    {
        var random = new Random(seed);
        var numbers = new Dictionary<(bool, int), int>();
        var sweep = BenchDays.SweepDay;
        for (var i = 0; i < count; i++)
        {
            var roll = random.NextDouble();
            var state = roll < 0.955 ? State.Answered : roll < 0.965 ? State.Returned : roll < 0.995 ? State.Open : State.Overdue;
            Counts[state.ToString()] = Counts.GetValueOrDefault(state.ToString()) + 1;
            var assigned = state switch
            {
                // Answered at least 100 days ago: due, and replied, before the sweep day.
                State.Answered => WeekdayBetween(random, BenchDays.FirstAssigned, sweep.AddDays(-100)),
                State.Returned => WeekdayBetween(random, BenchDays.FirstAssigned, sweep.AddDays(-14)),
                // Assigned in the last 85 days: due (3 months on) after the sweep day.
                State.Open => WeekdayBetween(random, sweep.AddDays(-85), sweep),
                _ => WeekdayBetween(random, sweep.AddMonths(-15), sweep.AddDays(-95)),
            };
            var npc = random.Next(100) < 55;
            var number = numbers[(npc, assigned.Year)] = numbers.GetValueOrDefault((npc, assigned.Year)) + 1;
            yield return Make(random, state, npc, number, assigned);
        }
    }

    private static LedgerItem Make(Random random, State state, bool npc, int number, DateOnly assigned)
    {
        var all = Divisions.All;
        var lead = all[random.Next(all.Count)].Name;
        var co = new List<string>();
        if (random.Next(100) < 30)
        {
            var wanted = random.Next(1, 3);
            while (co.Count < wanted)
            {
                var pick = all[random.Next(all.Count)].Name;
                if (pick != lead && !co.Contains(pick)) co.Add(pick);
            }
        }
        var due = Weekday(assigned.AddMonths(3));
        DateOnly? extended = state is State.Answered or State.Open && random.Next(100) < 2 ? Weekday(due.AddMonths(1)) : null;
        DateOnly? replied = null;
        string? replyClass = null, satisfaction = null;
        if (state == State.Answered)
        {
            var dueInForce = extended ?? due;
            var on = random.Next(10) == 0
                ? dueInForce.AddDays(random.Next(1, 31))
                : assigned.AddDays(random.Next(20, dueInForce.DayNumber - assigned.DayNumber + 1));
            replied = on < BenchDays.SweepDay ? on : BenchDays.SweepDay.AddDays(-1);
            replyClass = Classes[Weighted(random, 45, 35, 15, 5)];
            satisfaction = random.Next(100) < 85 ? Satisfactions[Weighted(random, 80, 17, 3)] : null;
        }
        var acknowledged = assigned.AddDays(random.Next(1, 4));
        var kind = npc ? "建议" : "提案";
        return new LedgerItem(
            Kind: kind,
            Session: Session(npc, assigned.Year),
            Number: number.ToString("D5", CultureInfo.InvariantCulture),
            Title: $"关于{Topics[random.Next(Topics.Length)]}{Aspects[random.Next(Aspects.Length)]}的{kind}",
            Proposer: !npc && random.Next(10) == 0 ? Groups[random.Next(Groups.Length)] : Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)],
            LeadDivision: lead,
            CoDivisions: co,
            AssignedOn: assigned,
            DueOn: random.Next(10) == 0 ? null : due,
            AcknowledgedOn: acknowledged <= BenchDays.SweepDay ? acknowledged : null,
            RepliedOn: replied,
            ReplyClass: replyClass,
            Satisfaction: satisfaction,
            IsKey: random.Next(100) == 0,
            IsReturned: state == State.Returned,
            ExtendedTo: extended,
            ExtensionReason: extended is null ? null : "需协调多个部门");
    }

    // A congress (届) sits five years and meets once a year (次).
    private static string Session(bool npc, int year) =>
        npc ? $"人大第{16 + (year - 2017) / 5}届第{(year - 2017) % 5 + 1}次会议" : $"政协第{14 + (year - 2017) / 5}届第{(year - 2017) % 5 + 1}次会议";

    // Weekends only: the harness does not know the holiday schedule (the program does), and an
    // office's dates need only look like working days.
    private static DateOnly Weekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    private static DateOnly WeekdayBetween(Random random, DateOnly from, DateOnly to)
    {
        var day = DateOnly.FromDayNumber(random.Next(from.DayNumber, to.DayNumber + 1));
        return day.DayOfWeek switch
        {
            DayOfWeek.Saturday => day.AddDays(-1),
            DayOfWeek.Sunday => day.AddDays(-2),
            _ => day,
        };
    }

    private static int Weighted(Random random, params int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if (roll < weights[i]) return i;
            roll -= weights[i];
        }
        return weights.Length - 1;
    }
}
