using Proposals.Storage;

namespace Proposals.Tests.Storage;

/// <summary>Sessions signed out, in the ledger every worker reads: on every provider.</summary>
public abstract class SessionRevocationStoreTests<TProvider> : StorageTestBase<TProvider> where TProvider : LedgerProvider, new()
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 28, 0, TimeSpan.Zero);

    private SessionRevocationStore Store() => new(Database);

    [SkippableFact]
    public async Task ARevokedSession_IsRevoked_AnotherIsNot()
    {
        await Store().RevokeAsync("3f2a9c", Now, Now.AddHours(8));

        Assert.True(await Store().IsRevokedAsync("3f2a9c"));
        Assert.False(await Store().IsRevokedAsync("3F2A9C"));
        Assert.False(await Store().IsRevokedAsync("other"));
    }

    [SkippableFact]
    public async Task RevokingTwice_ChangesNothing_EvenAtOnce()
    {
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Store().RevokeAsync("tab-1", Now, Now.AddHours(8)))));

        Assert.True(await Store().IsRevokedAsync("tab-1"));
        Assert.Equal(1, await CountAsync());
    }

    [SkippableFact]
    public async Task ARowPastItsTime_GoesAtTheNextRevocation()
    {
        await Store().RevokeAsync("old", Now, Now.AddHours(8));

        await Store().RevokeAsync("new", Now.AddHours(9), Now.AddHours(17));

        Assert.False(await Store().IsRevokedAsync("old"));
        Assert.True(await Store().IsRevokedAsync("new"));
        Assert.Equal(1, await CountAsync());
    }

    private async Task<long> CountAsync()
    {
        await using var connection = await Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM session_revocations";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
