namespace Proposals.Storage;

/// <summary>What an import did: how many records it added, changed and left alone.</summary>
public sealed record UpsertOutcome(int Added, int Changed, int Unchanged);
