using Proposals.Storage;

namespace Proposals.Tests.Storage;

public abstract class SchemaMigratorTests<TProvider> : StorageTestBase<TProvider> where TProvider : LedgerProvider, new()
{
    private const string FirstScript = "0001_ledger.sql";

    protected override bool Migrated => false;

    [SkippableFact]
    public async Task Fresh_AllScriptsPending_AndUpgradeAppliesThemAll()
    {
        var pending = SchemaMigrator.Pending(Database);
        var unknown = SchemaMigrator.Unknown(Database);

        var applied = await Task.Run(() => SchemaMigrator.Upgrade(Database));

        Assert.Contains(pending, p => p.EndsWith(FirstScript, StringComparison.Ordinal));
        Assert.Empty(unknown);
        Assert.Equal(pending, applied);
        Assert.Empty(SchemaMigrator.Pending(Database));
        Assert.Equal(new UpsertOutcome(3, 0, 0), await new DivisionStore(Database).UpsertAsync(Divisions));
    }

    [SkippableFact]
    public async Task Rerun_AppliesNothing_AndTheSchemaIsCurrent()
    {
        await Task.Run(() => SchemaMigrator.Upgrade(Database));
        var lines = new List<string>();

        var again = await Task.Run(() => SchemaMigrator.Upgrade(Database, lines.Add));

        Assert.Empty(again);
        Assert.Empty(SchemaMigrator.Pending(Database));
        SchemaMigrator.RequireCurrent(Database);
        Assert.Contains(lines, l => l.Contains("No new scripts", StringComparison.OrdinalIgnoreCase));
    }

    [SkippableFact]
    public async Task UnknownScript_IsReported_AndTheWorkerIsToldToUpgradeTheProgram()
    {
        await Task.Run(() => SchemaMigrator.Upgrade(Database));
        const string future = "Proposals.Storage.Migrations.later.0099_future.sql";
        // A newer program's migration, as DbUp journals it.
        await ExecuteAsync("INSERT INTO schemaversions (scriptname, applied) VALUES (@Name, @Applied)",
            ("Name", future), ("Applied", new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc)));

        var unknown = SchemaMigrator.Unknown(Database);
        var refused = Assert.Throws<StorageException>(() => SchemaMigrator.RequireCurrent(Database));

        Assert.Equal([future], unknown);
        Assert.Contains("upgrade the program", refused.Message, StringComparison.Ordinal);
        Assert.Contains(future, refused.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void NotMigrated_TheWorkerIsToldToRunMigrate()
    {
        var refused = Assert.Throws<StorageException>(() => SchemaMigrator.RequireCurrent(Database));

        Assert.Contains("proposals migrate", refused.Message, StringComparison.Ordinal);
        Assert.Contains(FirstScript, refused.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task NotMigrated_StoredCalendarIsEmpty()
    {
        var years = await new CalendarStore(Database).AllAsync();

        Assert.Empty(years);
    }
}
