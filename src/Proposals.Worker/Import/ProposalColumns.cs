namespace Proposals.Worker.Import;

/// <summary>The columns of a suggestions-and-proposals ledger (建议提案台账), Chinese and English.</summary>
internal static class ProposalColumns
{
    public static readonly ColumnSpec Kind = new("类别", "kind", Required: true);
    public static readonly ColumnSpec Session = new("届次", "session", Required: true);
    public static readonly ColumnSpec Number = new("编号", "number", Required: true);
    public static readonly ColumnSpec Title = new("标题", "title", Required: true);
    public static readonly ColumnSpec Proposer = new("提出人", "proposer");
    public static readonly ColumnSpec BureauRole = new("承办方式", "bureau_role");
    public static readonly ColumnSpec LeadDivision = new("主办处室", "lead_division", Required: true);
    public static readonly ColumnSpec CoDivisions = new("协办处室", "co_divisions", Kind: CellKind.List);
    public static readonly ColumnSpec AssignedOn = new("交办日期", "assigned_on", Required: true);
    public static readonly ColumnSpec DueOn = new("办理期限", "due_on");
    public static readonly ColumnSpec AcknowledgedOn = new("签收日期", "acknowledged_on");
    public static readonly ColumnSpec CoInputs = new("协办意见送达", "co_inputs", Kind: CellKind.List);
    public static readonly ColumnSpec RepliedOn = new("答复日期", "replied_on");
    public static readonly ColumnSpec ResultClass = new("答复类别", "result_class");
    public static readonly ColumnSpec Satisfaction = new("满意度", "satisfaction");
    public static readonly ColumnSpec EvaluatedOn = new("测评日期", "evaluated_on");
    public static readonly ColumnSpec RerepliedOn = new("重新答复日期", "rereplied_on");
    public static readonly ColumnSpec SecondSatisfaction = new("再次满意度", "second_satisfaction");
    public static readonly ColumnSpec PublishedOn = new("公开日期", "published_on");
    public static readonly ColumnSpec Key = new("重点督办", "key");
    public static readonly ColumnSpec Returned = new("退回", "returned");
    public static readonly ColumnSpec ReturnedOn = new("退回日期", "returned_on");
    public static readonly ColumnSpec ReturnReason = new("退回原因", "return_reason", Kind: CellKind.MultiLine);
    public static readonly ColumnSpec ExtendedTo = new("延期至", "extended_to");
    public static readonly ColumnSpec ExtensionReason = new("延期原因", "extension_reason", Kind: CellKind.MultiLine);
    public static readonly ColumnSpec ExtensionApprovedOn = new("延期批准日期", "extension_approved_on");
    public static readonly ColumnSpec ReturnRequestedOn = new("退回申请日期", "return_requested_on");
    public static readonly ColumnSpec ReturnDecision = new("退回决定", "return_decision");
    public static readonly ColumnSpec ReturnDecidedOn = new("退回决定日期", "return_decided_on");
    public static readonly ColumnSpec LeadUnit = new("主办单位", "lead_unit");
    public static readonly ColumnSpec CoUnits = new("协办单位", "co_units", Kind: CellKind.List);

    /// <summary>序号: the row's running number in the bureau's sheet, which says nothing about the item.</summary>
    public static readonly ColumnSpec RowNumber = new("序号", "row_no", Ignored: true);

    public static readonly IReadOnlyList<ColumnSpec> All =
    [
        Kind, Session, Number, Title, Proposer, BureauRole, LeadDivision, CoDivisions, AssignedOn, DueOn,
        AcknowledgedOn, CoInputs, RepliedOn, ResultClass, Satisfaction, EvaluatedOn, RerepliedOn, SecondSatisfaction,
        PublishedOn, Key, Returned, ReturnedOn, ReturnReason, ExtendedTo, ExtensionReason, ExtensionApprovedOn, ReturnRequestedOn,
        ReturnDecision, ReturnDecidedOn, LeadUnit, CoUnits, RowNumber,
    ];
}
