namespace Proposals.Storage;

/// <summary>The <c>items</c> columns under the names of <see cref="ItemRow"/>, for every SELECT.</summary>
internal static class ItemColumns
{
    public const string Select =
        "id AS Id, kind AS Kind, session AS Session, number AS Number, title AS Title, proposer AS Proposer, " +
        "lead_division AS LeadDivision, co_divisions AS CoDivisions, assigned_on AS AssignedOn, due_on AS DueOn, " +
        "co_input_due_on AS CoInputDueOn, acknowledged_on AS AcknowledgedOn, extended_to AS ExtendedTo, " +
        "extension_reason AS ExtensionReason, effective_due_on AS EffectiveDueOn, earliest_due_on AS EarliestDueOn, replied_on AS RepliedOn, " +
        "reply_class AS ReplyClass, satisfaction AS Satisfaction, is_key AS IsKey, is_returned AS IsReturned, " +
        "updated_at AS UpdatedAt";

    public const string Insert =
        "INSERT INTO items (kind, session, number, title, proposer, lead_division, co_divisions, assigned_on, due_on, " +
        "co_input_due_on, acknowledged_on, extended_to, extension_reason, effective_due_on, earliest_due_on, replied_on, reply_class, " +
        "satisfaction, is_key, is_returned, updated_at) VALUES (@Kind, @Session, @Number, @Title, @Proposer, " +
        "@LeadDivision, @CoDivisions, @AssignedOn, @DueOn, @CoInputDueOn, @AcknowledgedOn, @ExtendedTo, " +
        "@ExtensionReason, @EffectiveDueOn, @EarliestDueOn, @RepliedOn, @ReplyClass, @Satisfaction, @IsKey, @IsReturned, @UpdatedAt)";

    public const string Update =
        "UPDATE items SET title = @Title, proposer = @Proposer, lead_division = @LeadDivision, " +
        "co_divisions = @CoDivisions, assigned_on = @AssignedOn, due_on = @DueOn, co_input_due_on = @CoInputDueOn, " +
        "acknowledged_on = @AcknowledgedOn, extended_to = @ExtendedTo, extension_reason = @ExtensionReason, " +
        "effective_due_on = @EffectiveDueOn, earliest_due_on = @EarliestDueOn, replied_on = @RepliedOn, reply_class = @ReplyClass, " +
        "satisfaction = @Satisfaction, is_key = @IsKey, is_returned = @IsReturned, updated_at = @UpdatedAt " +
        "WHERE id = @Id";
}
