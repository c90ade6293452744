using Proposals.Tests.Auth;

namespace Proposals.Tests.Hosting;

/// <summary>
/// The classes that start workers (or Hangfire) inside the test process. Hangfire keeps some state in
/// statics (the current storage, set while a host starts), so two such hosts never start at once:
/// these run one after another, beside the other collections. Most share one worker with users,
/// whose clock one of them moves.
/// </summary>
[CollectionDefinition(Name)]
public sealed class InProcessWorkerCollection : ICollectionFixture<SignInHostFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "in-process workers";
}
