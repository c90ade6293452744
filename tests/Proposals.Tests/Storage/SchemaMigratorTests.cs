using Proposals.Domain.Reminders;
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
        // What a running worker reads before each send, in one query, on every provider.
        Assert.Equal(SchemaMigrator.KnownCount(Database), await SchemaMigrator.AppliedCountAsync(Database));
        Assert.False(SchemaMigrator.IsMissing(Database));
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

    // The first version's states, superseded included: an upgrade drops none of them from 催办记录.
    private static readonly string[] FirstVersionStates = ["owed", "sending", "sent", "superseded", "failed", "cancelled"];
    private static readonly string[] Stages = ["before-15", "before-7", "before-3", "before-1", "due", "overdue-1"];

    [SkippableFact]
    public async Task UpgradeOfALedgerMadeByTheFirstMigration_KeepsEveryRowOfTheReminderRecord()
    {
        await Task.Run(() => SchemaMigrator.Upgrade(Database, null, FirstScript));
        Assert.NotEmpty(SchemaMigrator.Pending(Database));
        await ExecuteAsync(
            "INSERT INTO items (kind, session, number, title, proposer, lead_division, co_divisions, assigned_on, due_on, co_input_due_on, " +
            "effective_due_on, earliest_due_on, is_key, is_returned, updated_at) VALUES ('npc', '十五届一次', '0012', '关于普惠金融的建议', '王芳', " +
            "'银行保险处', '', '2019-07-01', '2019-10-08', '2019-08-01', '2019-10-08', '2019-08-01', 0, 0, '2019-07-01T09:00:00+08:00')");
        for (var i = 0; i < FirstVersionStates.Length; i++)
        {
            await ExecuteAsync(
                "INSERT INTO reminders (item_id, division, role, stage, due_on, planned_on, state, recipients, message_id, attempts, last_error, " +
                "created_at, claimed_at, claimed_by, sent_at) SELECT MIN(id), '银行保险处', 'lead', @Stage, '2019-10-08', '2019-09-30', @State, " +
                "'yinbao@finance.example.org; cc zonghe@finance.example.org', NULL, 0, NULL, '2019-09-30T09:00:00+08:00', NULL, NULL, NULL FROM items",
                ("Stage", Stages[i]), ("State", FirstVersionStates[i]));
        }

        var applied = await Task.Run(() => SchemaMigrator.Upgrade(Database));
        var rows = await new ReminderStore(Database).ListAsync(new ReminderQuery()).ToListAsync();

        Assert.NotEmpty(applied);
        Assert.Empty(SchemaMigrator.Pending(Database));
        Assert.Equal(FirstVersionStates.Length, rows.Count);
        Assert.Equal(FirstVersionStates.Order(StringComparer.Ordinal), rows.Select(r => r.Record.State.Code()).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(("yinbao@finance.example.org", "zonghe@finance.example.org"), (r.Record.To, r.Record.Cc)));
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
