namespace Proposals.Mail;

/// <summary>The part a division plays for an item.</summary>
public enum DivisionRole
{
    /// <summary>主办: writes the reply to the deputy or member.</summary>
    Lead,

    /// <summary>协办 (会办): sends its written input to the lead division.</summary>
    Co,
}
