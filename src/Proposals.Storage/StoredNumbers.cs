namespace Proposals.Storage;

/// <summary>How the stored numbers of one kind and session are written (see <see cref="ItemStore.StoredNumbersAsync"/>).</summary>
/// <param name="AnyWithoutLeadingZero">Whether some stored number starts with another character than 0 (12, A7).</param>
/// <param name="LeadingZeroLengths">The lengths, in order, of the stored numbers that start with 0 (0012 has 4).</param>
public sealed record StoredNumbers(bool AnyWithoutLeadingZero, IReadOnlyList<int> LeadingZeroLengths)
{
    /// <summary>Whether the kind and session has no stored item at all.</summary>
    public bool None => !AnyWithoutLeadingZero && LeadingZeroLengths.Count == 0;
}
