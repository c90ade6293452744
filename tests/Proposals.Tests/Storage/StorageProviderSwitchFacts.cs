using Proposals.Storage;
using Proposals.Worker.Hosting;
using static Proposals.Tests.Infrastructure.EnumValues;

namespace Proposals.Tests.Storage;

/// <summary>
/// Every database product has its own setting name, dialect, connection and example, and a value outside
/// the enum is refused everywhere, never taken for SQL Server (the last one) as a catch-all would.
/// </summary>
public sealed class StorageProviderSwitchFacts
{
    public static TheoryData<StorageProvider> EveryProvider => All<StorageProvider>();

    [Theory]
    [MemberData(nameof(EveryProvider))]
    public void Provider_HasItsOwnName_ReadBack(StorageProvider provider)
    {
        AssertOwn(provider, p => p.Name());
        Assert.Equal(provider, StorageProviders.Parse(provider.Name()));
        Assert.Contains(provider.Name(), StorageProviders.Accepted, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EveryProvider))]
    public void Provider_HasItsOwnConnection_Example_AndDescription(StorageProvider provider)
    {
        AssertOwn(provider, ProviderConnections.Example);
        AssertOwn(provider, p =>
        {
            using var connection = ProviderConnections.Create(p, ProviderConnections.Example(p));
            return connection.GetType();
        });
        AssertOwn(provider, p => ProviderConnections.Describe(p, ProviderConnections.Normalise(p, ProviderConnections.Example(p))));
    }

    [Theory]
    [MemberData(nameof(EveryProvider))]
    public void Provider_HasItsOwnDialect_SpellingEveryStatement(StorageProvider provider)
    {
        var dialect = SqlDialect.For(provider);
        Assert.Equal(provider, dialect.Provider);
        AssertOwn(provider, p => SqlDialect.For(p).CountTables);
        AssertOwn(provider, p => SqlDialect.For(p).MigrationFolder);
        Assert.Contains("@n", dialect.Limit("@n"), StringComparison.Ordinal);
        Assert.Contains("@n", dialect.SelectFirst("id", "items", "1 = 1", "id", "@n"), StringComparison.Ordinal);
        Assert.Contains("@skip", dialect.Page("@skip", "@n"), StringComparison.Ordinal);
        Assert.EndsWith("due_on", dialect.Unindexed("due_on"), StringComparison.Ordinal);
        Assert.Contains("'x'", dialect.Concat("'x'", "'y'"), StringComparison.Ordinal);
        Assert.StartsWith("id ", dialect.InList("id", "@Ids"), StringComparison.Ordinal);
        Assert.StartsWith("INSERT INTO items", dialect.InsertUnlessExists("items", [("id", "@Id")], ["id"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Provider_Undefined_IsRefused()
    {
        var provider = Undefined<StorageProvider>();
        Assert.Throws<ArgumentOutOfRangeException>(() => provider.Name());
        Assert.Throws<ArgumentOutOfRangeException>(() => SqlDialect.For(provider));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProviderConnections.Example(provider));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProviderConnections.Create(provider, ProviderConnections.SqliteDefault));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProviderConnections.Describe(provider, ProviderConnections.SqliteDefault));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProviderConnections.Normalise(provider, ProviderConnections.SqliteDefault));
        Assert.Throws<ArgumentOutOfRangeException>(() => HangfireStorage.Install(provider, ProviderConnections.SqliteDefault));
    }
}
