namespace Proposals.Tests.Auth;

/// <summary>The classes sharing one worker with users; they run one after another, since one moves its clock.</summary>
[CollectionDefinition(Name)]
public sealed class SignInCollection : ICollectionFixture<SignInHostFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "worker with users";
}
