using Proposals.Domain.Calendar;
using Proposals.Domain.Deadlines;
using Proposals.Domain.Ledger;

namespace Proposals.Benchmarks;

/// <summary>
/// A large ledger (台账) that looks like a real one, the same for the same seed: about 20
/// divisions, both kinds, assignments spread from 2018 to the sweep day, due dates on the shipped
/// working-day calendar; ~95% answered, ~1% returned, ~3% open and not yet due, ~1% overdue;
/// 30% with one or two co-divisions.
/// </summary>
internal sealed class LedgerGenerator(WorkingCalendar calendar, DateOnly today, int seed, int? overdueWithinDays)
{
    public static readonly Division[] Divisions =
    [
        .. new[]
        {
            "综合处", "法规处", "预算处", "国库处", "税政处", "行政政法处", "教科文处", "经济建设处", "农业农村处", "社会保障处",
            "资产管理处", "会计处", "政府采购处", "金融处", "债务管理处", "绩效管理处", "监督检查处", "信息中心", "银行保险处", "地方金融监管处",
        }.Select((name, i) => new Division(name, $"d{i:D2}@finance.example.org", i % 4 == 3 ? null : $"d{i:D2}.head@finance.example.org")),
    ];

    private static readonly string[] Topics =
    [
        "小微企业首贷", "普惠金融服务站", "政府性融资担保", "绿色金融", "农村集体经济", "城市更新资金", "义务教育经费", "养老服务补贴",
        "公交线路调整", "老旧小区改造", "基层医疗机构", "科技成果转化", "乡村振兴衔接资金", "政府采购中小企业", "专项债券使用",
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高"];
    private static readonly string[] Given = ["建国", "梅", "伟", "洋", "敏", "丽", "强", "静", "华", "磊", "芳", "军", "婷", "勇", "霞"];

    private static readonly DateOnly First = new(2018, 1, 2);

    /// <summary>How many items of each state were generated, for the log.</summary>
    public Dictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

    /// <summary>Makes <paramref name="count"/> items.</summary>
    public List<Item> Generate(int count)
    {
        var random = new Random(seed);
        var numbers = new Dictionary<(ItemKind, int), int>();
        var items = new List<Item>(count);
        var lastAnswerable = today.AddDays(-100);
        var lastOverdueAssignable = calendar.OnOrBefore(today.AddMonths(-3).AddDays(-7));
        var firstOverdueAssignable = overdueWithinDays is { } d ? lastOverdueAssignable.AddDays(-d) : First;
        for (var i = 0; i < count; i++)
        {
            var roll = random.NextDouble();
            var state = roll < 0.95 ? "answered" : roll < 0.96 ? "returned" : roll < 0.99 ? "open" : "overdue";
            Counts[state] = Counts.GetValueOrDefault(state) + 1;
            var assigned = state switch
            {
                "answered" => WorkingDayBetween(random, First, lastAnswerable),
                "returned" => WorkingDayBetween(random, First, today.AddDays(-14)),
                "open" => WorkingDayBetween(random, calendar.OnOrAfter(today.AddMonths(-3).AddDays(3)), today),
                _ => WorkingDayBetween(random, firstOverdueAssignable, lastOverdueAssignable),
            };
            var kind = random.Next(100) < 55 ? ItemKind.Npc : ItemKind.Cppcc;
            var number = numbers[(kind, assigned.Year)] = numbers.GetValueOrDefault((kind, assigned.Year)) + 1;
            items.Add(Make(random, kind, number, assigned, state));
        }
        return items;
    }

    private Item Make(Random random, ItemKind kind, int number, DateOnly assigned, string state)
    {
        var lead = random.Next(Divisions.Length);
        var co = new List<string>();
        if (random.Next(100) < 30)
        {
            var wanted = random.Next(1, 3);
            while (co.Count < wanted)
            {
                var pick = Divisions[random.Next(Divisions.Length)].Name;
                if (pick != Divisions[lead].Name && !co.Contains(pick)) co.Add(pick);
            }
        }
        var due = DueDate.AfterMonths(calendar, assigned, TimeLimits.Default.ReplyMonths);
        var extended = state == "answered" && random.Next(100) < 2
            ? new Extension(DueDate.AfterMonths(calendar, due, 1), "需协调多个部门 (needs several departments)")
            : null;
        DateOnly? replied = null;
        ReplyClass? replyClass = null;
        Satisfaction? satisfaction = null;
        if (state == "answered")
        {
            var dueInForce = extended?.NewDueOn ?? due;
            // One in ten answered late, by up to a month; none after the sweep day.
            var span = dueInForce.DayNumber - assigned.DayNumber;
            var on = random.Next(10) == 0 ? dueInForce.AddDays(random.Next(1, 31)) : assigned.AddDays(random.Next(20, span + 1));
            replied = on > today ? today.AddDays(-1) : on;
            replyClass = (ReplyClass)Weighted(random, 45, 35, 15, 5);
            satisfaction = random.Next(100) < 85 ? (Satisfaction)Weighted(random, 80, 17, 3) : null;
        }
        var topic = Topics[random.Next(Topics.Length)];
        return new Item
        {
            Key = new ItemKey(kind, Session(kind, assigned.Year), number.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)),
            Title = $"关于{topic}的{kind.ShortName()}",
            Proposer = Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)],
            LeadDivision = Divisions[lead].Name,
            CoDivisions = co,
            AssignedOn = assigned,
            DueOn = due,
            CoInputDueOn = DueDate.AfterMonths(calendar, assigned, TimeLimits.Default.CoInputMonths),
            AcknowledgedOn = calendar.AddWorkingDays(assigned, random.Next(1, 4)) is var ack && ack <= today ? ack : null,
            Extension = extended,
            RepliedOn = replied,
            ReplyClass = replyClass,
            Satisfaction = satisfaction,
            IsKey = random.Next(100) == 0,
            IsReturned = state == "returned",
        };
    }

    // A congress (届) sits five years and meets once a year (次).
    private static string Session(ItemKind kind, int year) =>
        $"{(kind == ItemKind.Npc ? "人大" : "政协")}第{16 + (year - 2017) / 5}届第{(year - 2017) % 5 + 1}次会议";

    private DateOnly WorkingDayBetween(Random random, DateOnly from, DateOnly to) =>
        calendar.OnOrBefore(DateOnly.FromDayNumber(random.Next(from.DayNumber, to.DayNumber + 1)));

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
