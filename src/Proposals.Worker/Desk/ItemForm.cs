using System.Globalization;
using Microsoft.AspNetCore.Http;
using Proposals.Domain.Ledger;
using Proposals.Worker.Cli;

namespace Proposals.Worker.Desk;

/// <summary>
/// One form of the item page as posted: which fact (or the undo), the item and the version it showed,
/// the values typed, and what was wrong with them, field by field. It reads the values the way the
/// command line reads its options (CliDate, ReplyClasses, Satisfactions); whether the fact may be
/// recorded is FactRules' to decide, through FactRecorder, not this form's.
/// </summary>
internal sealed class ItemForm
{
    /// <summary>The form that takes a fact back.</summary>
    public const string Undo = "undo";

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    private ItemForm(string name) => Name = name;

    /// <summary>A fact's code (reply, ack...) or <see cref="Undo"/>.</summary>
    public string Name { get; }

    /// <summary>The item, when the form named one.</summary>
    public ItemKey? Key { get; private init; }

    /// <summary>The item's version the form showed (<see cref="Storage.StoredItem.UpdatedAt"/>).</summary>
    public DateTimeOffset? Version { get; private init; }

    /// <summary>Why the ledger refused the whole form (a contradiction, a stale version); null when it did not.</summary>
    public string? Refusal { get; set; }

    /// <summary>Whether the refusal is that the item changed since the form was shown.</summary>
    public bool Stale { get; set; }

    /// <summary>Whether a field could not be read.</summary>
    public bool HasErrors => _errors.Count > 0;

    /// <summary>What was typed in <paramref name="field"/>, to show it again.</summary>
    public string? Value(string field) => _values.GetValueOrDefault(field);

    /// <summary>What is wrong with <paramref name="field"/>; null when nothing.</summary>
    public string? Error(string field) => _errors.GetValueOrDefault(field);

    /// <summary>The version as it goes into a form: the instant's UTC ticks.</summary>
    public static string VersionText(DateTimeOffset version) => version.UtcTicks.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a posted form.</summary>
    public static ItemForm Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var read = new ItemForm(form["form"].ToString().Trim())
        {
            Key = ItemKinds.Parse(form["kind"]) is { } kind && form["session"].ToString() is { Length: > 0 } session && form["number"].ToString() is { Length: > 0 } number
                ? new ItemKey(kind, session, number)
                : null,
            Version = long.TryParse(form["version"], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks
                ? new DateTimeOffset(ticks, TimeSpan.Zero)
                : null,
        };
        foreach (var (name, value) in form)
        {
            if (name is not ("form" or "kind" or "session" or "number" or "version" or "__RequestVerificationToken")) read._values[name] = value.ToString();
        }
        return read;
    }

    /// <summary>The fact the form records, or null with the fields' errors set; <paramref name="today"/> is the default day.</summary>
    public LedgerFact? Fact(DateOnly today)
    {
        if (FactKinds.Parse(Name) is not { } kind) return null;
        var day = kind == FactKind.Extension ? Date("approved-on") ?? today : Date("on") ?? today;
        var fact = kind switch
        {
            FactKind.Acknowledgement => new LedgerFact(kind, day, Division: Text("division")),
            FactKind.Reply => new LedgerFact(kind, day, Class: Class(), Reason: Text("note")),
            FactKind.CoInput => new LedgerFact(kind, day, Division: Required("division", "请选择协办处室 (choose the co-division)")),
            FactKind.Return => new LedgerFact(kind, day, Reason: Text("reason"), Override: Text("override")),
            FactKind.ReturnDecision => new LedgerFact(kind, day, Decision: Decision(), DecidedBy: Text("decided-by")),
            FactKind.Extension => new LedgerFact(kind, day, To: Date("to") ?? Missing("to", "请填写新的办理期限 (give the new due date)"),
                Reason: Text("reason"), DecidedBy: Text("approved-by"), Override: Text("override")),
            FactKind.Evaluation => new LedgerFact(kind, day, Satisfaction: Satisfaction()),
            FactKind.Publication => new LedgerFact(kind, day),
            _ => throw new InvalidOperationException($"no form for {kind}"),
        };
        return HasErrors ? null : fact;
    }

    /// <summary>The undo the form asks (fact, division, reason), or null with the fields' errors set.</summary>
    public (FactKind Kind, string? Division, string Reason)? UndoRequest()
    {
        var kind = FactKinds.Parse(Text("fact"));
        if (kind is null) _errors["fact"] = "请选择要撤销的事实 (choose the fact to undo)";
        var reason = Required("reason", "撤销需写明原因 (an undo needs its reason)");
        return HasErrors ? null : (kind!.Value, Text("division"), reason!);
    }

    private string? Text(string field) => _values.GetValueOrDefault(field) is { } v && v.Trim().Length > 0 ? v.Trim() : null;

    private string? Required(string field, string message)
    {
        if (Text(field) is { } text) return text;
        _errors[field] = message;
        return null;
    }

    private DateOnly? Missing(string field, string message)
    {
        _errors.TryAdd(field, message);
        return null;
    }

    private DateOnly? Date(string field)
    {
        if (Text(field) is not { } text) return null;
        try
        {
            return CliDate.Parse(text, Label(field));
        }
        catch (UserInputException bad)
        {
            _errors[field] = bad.Message;
            return null;
        }
    }

    private ReplyClass? Class()
    {
        if (Text("class") is not { } text) return null;
        if (ReplyClasses.Parse(text) is { } c) return c;
        _errors["class"] = $"答复类别: 无法识别 \"{text}\" (expected A, B, C or D)";
        return null;
    }

    private Satisfaction? Satisfaction()
    {
        if (Satisfactions.Parse(Text("satisfaction")) is { } s) return s;
        _errors["satisfaction"] = $"满意度: 无法识别 \"{Text("satisfaction")}\" (expected 满意, 基本满意 or 不满意)";
        return null;
    }

    private ReturnDecision? Decision()
    {
        if (ReturnDecisions.Parse(Text("decision")) is { } d) return d;
        _errors["decision"] = "请选择同意或不同意退回 (choose approved or refused)";
        return null;
    }

    /// <summary>The Chinese label of a field, as the forms show it.</summary>
    public static string Label(string field) => field switch
    {
        "on" => "日期",
        "to" => "新的办理期限",
        "approved-on" => "批准日期",
        "approved-by" => "批准单位",
        "decided-by" => "决定单位",
        "division" => "处室",
        "class" => "答复类别",
        "note" => "说明",
        "reason" => "原因",
        "override" => "越过规则的理由",
        "satisfaction" => "满意度",
        "decision" => "决定",
        "fact" => "撤销哪一项",
        _ => field,
    };
}
