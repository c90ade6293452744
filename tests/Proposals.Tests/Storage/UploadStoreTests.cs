using Proposals.Domain.Ledger;
using Proposals.Storage;

namespace Proposals.Tests.Storage;

/// <summary>The desk's uploads and the divisions' address history (migration 0006): on every provider.</summary>
public abstract class UploadStoreTests<TProvider> : StorageTestBase<TProvider> where TProvider : LedgerProvider, new()
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 28, 0, TimeSpan.Zero);

    private UploadStore Store() => new(Database);

    [SkippableFact]
    public async Task AnUpload_ComesBackWhole_UntilItExpires()
    {
        var bytes = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray();
        await Store().SaveAsync(Upload("a1", bytes, Now));

        var found = await Store().FindAsync("a1", Now.AddMinutes(59));
        var expired = await Store().FindAsync("a1", Now.AddMinutes(61));

        Assert.NotNull(found);
        Assert.Equal(bytes, found.Content);
        Assert.Equal(("proposals", "台账 2018.xlsx", true, false, "{\"Kind\":\"proposals\"}", "F00D", "zonghe"),
            (found.Kind, found.FileName, found.FileWins, found.AllowRenumber, found.Preview, found.Fingerprint, found.UploadedBy));
        Assert.Equal(Now, found.UploadedAt);
        Assert.Equal(Now.AddHours(1), found.ExpiresAt);
        Assert.Null(found.ConfirmedAt);
        Assert.Null(expired);
        Assert.Null(await Store().FindAsync("A1", Now));
    }

    [SkippableFact]
    public async Task AConfirm_IsTakenOnce_AndLetsTheBytesGo()
    {
        await Store().SaveAsync(Upload("b2", [1, 2, 3], Now));

        var first = await Store().ConfirmAsync("b2", Now.AddMinutes(5));
        var second = await Store().ConfirmAsync("b2", Now.AddMinutes(6));
        var found = await Store().FindAsync("b2", Now.AddMinutes(7));

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(Now.AddMinutes(5), found!.ConfirmedAt);
        Assert.Null(found.Content);
    }

    [SkippableFact]
    public async Task ANewPreview_ReplacesTheOld_AndExpiredUploadsGoAtTheNextSave()
    {
        await Store().SaveAsync(Upload("c3", [1], Now));
        await Store().UpdatePreviewAsync("c3", "{}", "BEEF");
        var renewed = await Store().FindAsync("c3", Now);

        await Store().SaveAsync(Upload("d4", [2], Now.AddHours(2)));

        Assert.Equal(("{}", "BEEF"), (renewed!.Preview, renewed.Fingerprint));
        Assert.Equal(1, await CountAsync("uploads"));
    }

    [SkippableFact]
    public async Task AnAddressEdit_IsKeptInTheHistory_AndAStaleOneIsRefused()
    {
        await new DivisionStore(Database).UpsertAsync([new Division("综合处", "zonghe@finance.example.org", null)]);
        var changes = new DivisionChangeStore(Database);
        var shown = new Division("综合处", "zonghe@finance.example.org", null);

        var (done, current) = await changes.EditAsync(shown, shown with { Email = "zh@finance.example.org", HeadEmail = "head@finance.example.org" }, "zonghe", Now);
        var (staleDone, stale) = await changes.EditAsync(shown, shown with { Email = "other@finance.example.org" }, "wangwu", Now.AddMinutes(1));
        var (goneDone, gone) = await changes.EditAsync(shown with { Name = "无此处" }, shown with { Name = "无此处" }, "zonghe", Now);
        var history = await changes.LatestAsync(10);

        Assert.True(done);
        Assert.Equal(new Division("综合处", "zh@finance.example.org", "head@finance.example.org"), current);
        Assert.False(staleDone);
        Assert.Equal(current, stale);
        Assert.False(goneDone);
        Assert.Null(gone);
        Assert.Equal(current, (await new DivisionStore(Database).AllAsync())["综合处"]);
        Assert.Equal(2, history.Count);
        Assert.Contains(history, h => h is { Division: "综合处", Field: "email", Old: "zonghe@finance.example.org", New: "zh@finance.example.org", ChangedBy: "zonghe" } && h.ChangedAt == Now);
        Assert.Contains(history, h => h is { Field: "head_email", Old: null, New: "head@finance.example.org" });
    }

    [SkippableFact]
    public async Task AnImportedList_KeepsEachAddressItChanges_InTheSameHistory()
    {
        var store = new DivisionStore(Database);
        await store.UpsertAsync([new Division("综合处", "zonghe@finance.example.org", "head@finance.example.org"), new Division("法规处", "fagui@finance.example.org", null)]);

        var outcome = await store.UpsertAsync(
            [new Division("综合处", "zonghe@finance.example.org", null), new Division("法规处", "fg@finance.example.org", null), new Division("新设处", "xin@finance.example.org", null)],
            "lisi", Now);
        var history = await new DivisionChangeStore(Database).LatestAsync(10);

        Assert.Equal(new UpsertOutcome(1, 2, 0), outcome);
        Assert.Equal(2, history.Count);
        Assert.Contains(history, h => h is { Division: "综合处", Field: "head_email", Old: "head@finance.example.org", New: null, ChangedBy: "lisi" });
        Assert.Contains(history, h => h is { Division: "法规处", Field: "email", Old: "fagui@finance.example.org", New: "fg@finance.example.org" });
    }

    private static StoredUpload Upload(string id, byte[] content, DateTimeOffset at) => new()
    {
        Id = id, Kind = "proposals", FileName = "台账 2018.xlsx", Content = content, FileWins = true, AllowRenumber = false,
        Preview = "{\"Kind\":\"proposals\"}", Fingerprint = "F00D", UploadedBy = "zonghe", UploadedAt = at, ExpiresAt = at.AddHours(1),
    };

    private async Task<long> CountAsync(string table)
    {
        await using var connection = await Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM " + table;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
