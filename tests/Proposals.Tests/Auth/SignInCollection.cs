namespace Proposals.Tests.Auth;

/// <summary>
/// The classes that start workers in this process. Hangfire keeps some state in statics (the log
/// provider, the storage, the dashboard's routes), so these run one after another and apart from
/// every other collection; most share one worker with users, whose clock one of them moves.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SignInCollection : ICollectionFixture<SignInHostFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "worker with users";
}
