namespace Proposals.Domain.Ledger;

/// <summary>协办意见送达: a co-division's written input reached the lead division on a day.</summary>
/// <param name="Division">The co-division.</param>
/// <param name="DeliveredOn">The day the input was delivered.</param>
public sealed record CoInput(string Division, DateOnly DeliveredOn);
