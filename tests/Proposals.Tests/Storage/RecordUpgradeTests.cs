using Proposals.Domain.Ledger;
using Proposals.Storage;

namespace Proposals.Tests.Storage;

/// <summary>
/// A ledger kept by the program before facts had a history, upgraded: what its imports wrote becomes
/// `import` facts recorded at each item's last update, what `record` wrote says `via: record`, a stored
/// return is approved on its date and a stored extension approved before its original due date.
/// </summary>
public abstract class RecordUpgradeTests<TProvider> : StorageTestBase<TProvider> where TProvider : LedgerProvider, new()
{
    private static readonly DateTimeOffset LastUpdate = new(2019, 10, 12, 2, 0, 0, TimeSpan.Zero);

    protected override bool Migrated => false;

    // A statement run outside the stores, its dates and instants written as the stores write them on each provider.
    private async Task<object?> RunAsync(string sql, IReadOnlyDictionary<string, object> values)
    {
        await using var connection = await Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in values)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            switch (value)
            {
                case DateOnly date: new DateOnlyHandler().SetValue(parameter, date); break;
                case DateTimeOffset at: new InstantHandler().SetValue(parameter, at); break;
                default: parameter.Value = value; break;
            }
            command.Parameters.Add(parameter);
        }
        return await command.ExecuteScalarAsync();
    }

    private async Task<long> OldItemAsync(string number, IReadOnlyDictionary<string, object> facts)
    {
        var values = new Dictionary<string, object>(facts)
        {
            ["number"] = number, ["assigned_on"] = new DateOnly(2019, 7, 1), ["due_on"] = new DateOnly(2019, 10, 8),
            ["co_input_due_on"] = new DateOnly(2019, 8, 1), ["updated_at"] = LastUpdate,
        };
        // The columns the program wrote before the upgrade, by their names in the old schema.
        await RunAsync(
            "INSERT INTO items (kind, session, title, proposer, lead_division, co_divisions, effective_due_on, earliest_due_on, is_key, is_returned, " +
            string.Join(", ", values.Keys) + ") VALUES ('npc', '十五届一次', '标题', '', '银行保险处', '综合处', @due_on, @co_input_due_on, 0, 0, " +
            string.Join(", ", values.Keys.Select(k => "@" + k)) + ")", values);
        return Convert.ToInt64(await RunAsync("SELECT id FROM items WHERE number = @number", new Dictionary<string, object> { ["number"] = number }),
            System.Globalization.CultureInfo.InvariantCulture);
    }

    [SkippableFact]
    public async Task AnOldLedger_Upgraded_HasItsImportedFactsInTheHistory_ItsReturnsApproved_ItsExtensionsApprovedInTime()
    {
        await Task.Run(() => SchemaMigrator.Upgrade(Database, null, "0002_year_queue_desk.sql"));
        var answered = await OldItemAsync("0012", new Dictionary<string, object>
        {
            ["acknowledged_on"] = new DateOnly(2019, 7, 2), ["replied_on"] = new DateOnly(2019, 9, 30), ["reply_class"] = "A", ["satisfaction"] = "satisfied",
            ["evaluated_on"] = new DateOnly(2019, 10, 5), ["published_on"] = new DateOnly(2019, 10, 10), ["co_inputs"] = "综合处:2019-07-25",
            ["extended_to"] = new DateOnly(2019, 11, 29), ["extension_reason"] = "涉及多部门协调",
        });
        var returned = await OldItemAsync("0013", new Dictionary<string, object> { ["returned_on"] = new DateOnly(2019, 7, 3), ["return_reason"] = "不属本单位职责" });
        await RunAsync("UPDATE items SET is_returned = 1 WHERE id = @id", new Dictionary<string, object> { ["id"] = returned });
        // A reply `record` wrote before the upgrade.
        await RunAsync("INSERT INTO facts (item_id, kind, on_date, reply_class, recorded_at, recorded_by, via) VALUES (@id, 'reply', @on, 'A', @at, '王芳', 'command')",
            new Dictionary<string, object> { ["id"] = answered, ["on"] = new DateOnly(2019, 9, 30), ["at"] = LastUpdate.AddDays(-12) });

        await Task.Run(() => SchemaMigrator.Upgrade(Database));

        var store = new FactStore(Database, new ItemStore(Database));
        var facts = await store.ForItemAsync(answered);
        Assert.Equal(
            ["reply record 王芳", "ack import import", "evaluation import import", "publication import import", "extension import import", "co-input import import"],
            facts.Select(f => $"{f.Fact.Kind.Code()} {f.Via} {f.RecordedBy}"));
        Assert.All(facts.Skip(1), f => Assert.Equal(LastUpdate, f.RecordedAt));
        Assert.Equal(("综合处", new DateOnly(2019, 7, 25)), (facts[^1].Fact.Division, facts[^1].Fact.On));
        var items = new ItemStore(Database);
        var extended = (await items.FindByIdAsync(answered))!.Item;
        Assert.Equal((new DateOnly(2019, 11, 29), (DateOnly?)null, (DateOnly?)new DateOnly(2019, 10, 8)),
            (extended.Extension!.NewDueOn, extended.Extension.ApprovedOn, extended.Extension.PreviousDueOn));
        Assert.Equal(new DateOnly(2019, 11, 29), extended.DueInForceOn(new DateOnly(2019, 10, 9)));
        var back = (await items.FindByIdAsync(returned))!.Item;
        Assert.Equal((true, ReturnDecision.Approved, (DateOnly?)new DateOnly(2019, 7, 3)), (back.IsReturned, back.ReturnDecision!.Value, back.ReturnDecidedOn));
        Assert.Equal(["return import", "return-decision import"], (await store.ForItemAsync(returned)).Select(f => $"{f.Fact.Kind.Code()} {f.Via}"));
    }
}
