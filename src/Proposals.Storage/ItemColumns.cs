namespace Proposals.Storage;

/// <summary>The <c>items</c> columns under the names of <see cref="ItemRow"/>, for every SELECT, INSERT and UPDATE.</summary>
internal static class ItemColumns
{
    // (column, property) pairs: one list, so that the three statements cannot drift apart.
    private static readonly (string Column, string Property)[] Facts =
    [
        ("title", "Title"), ("proposer", "Proposer"), ("bureau_role", "BureauRole"), ("lead_division", "LeadDivision"),
        ("co_divisions", "CoDivisions"), ("co_inputs", "CoInputs"), ("assigned_on", "AssignedOn"), ("due_on", "DueOn"),
        ("co_input_due_on", "CoInputDueOn"), ("acknowledge_due_on", "AcknowledgeDueOn"), ("acknowledged_on", "AcknowledgedOn"),
        ("extended_to", "ExtendedTo"), ("extension_reason", "ExtensionReason"), ("effective_due_on", "EffectiveDueOn"),
        ("earliest_due_on", "EarliestDueOn"), ("settled_on", "SettledOn"), ("replied_on", "RepliedOn"), ("reply_class", "ReplyClass"),
        ("satisfaction", "Satisfaction"), ("evaluated_on", "EvaluatedOn"), ("rehandle_due_on", "RehandleDueOn"),
        ("rereplied_on", "RerepliedOn"), ("second_satisfaction", "SecondSatisfaction"), ("second_reply_class", "SecondReplyClass"), ("published_on", "PublishedOn"),
        ("is_key", "IsKey"), ("is_returned", "IsReturned"), ("returned_on", "ReturnedOn"), ("return_reason", "ReturnReason"),
        ("return_by", "ReturnBy"), ("role_text", "RoleText"), ("lead_unit", "LeadUnit"), ("co_units", "CoUnits"),
        ("extension_approved_on", "ExtensionApprovedOn"), ("extension_approved_by", "ExtensionApprovedBy"),
        ("due_before_extension", "DueBeforeExtension"), ("return_decision", "ReturnDecision"), ("return_decided_on", "ReturnDecidedOn"),
        ("return_decided_by", "ReturnDecidedBy"), ("updated_at", "UpdatedAt"),
    ];

    private static readonly (string Column, string Property)[] Identity = [("kind", "Kind"), ("session", "Session"), ("number", "Number")];

    public static readonly string Select =
        "id AS Id, " + string.Join(", ", Identity.Concat(Facts).Select(c => $"{c.Column} AS {c.Property}"));

    public static readonly string Insert =
        $"INSERT INTO items ({string.Join(", ", Identity.Concat(Facts).Select(c => c.Column))}) " +
        $"VALUES ({string.Join(", ", Identity.Concat(Facts).Select(c => "@" + c.Property))})";

    public static readonly string Update =
        $"UPDATE items SET {string.Join(", ", Facts.Select(c => $"{c.Column} = @{c.Property}"))} WHERE id = @Id";
}
