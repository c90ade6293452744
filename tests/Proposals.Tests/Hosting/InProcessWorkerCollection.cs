namespace Proposals.Tests.Hosting;

/// <summary>
/// Classes that start `proposals run` inside the test process without users. Hangfire keeps some
/// state in statics (the log provider, the current storage), so two such workers never run at once;
/// the collection still runs beside the others, and apart from the signed-in workers' collection,
/// which runs alone.
/// </summary>
[CollectionDefinition(Name)]
public sealed class InProcessWorkerCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "in-process worker";
}
