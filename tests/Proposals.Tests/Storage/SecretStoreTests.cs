using Proposals.Storage;

namespace Proposals.Tests.Storage;

/// <summary>The program's own keys in the ledger: the links' signature key and the sign-in keys.</summary>
public abstract class SecretStoreTests<TProvider> : StorageTestBase<TProvider> where TProvider : LedgerProvider, new()
{
    private SecretStore Store() => new(Database);

    [SkippableFact]
    public async Task GetOrCreate_MakesOneKey_ThatEveryCallerReads()
    {
        var keys = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => Store().GetOrCreateAsync("answer-links"))));

        Assert.Equal(32, keys[0].Length);
        Assert.All(keys, k => Assert.Equal(keys[0], k));
    }

    [SkippableFact]
    public async Task Add_KeepsTheFirstValueOfAName()
    {
        var first = await Store().AddAsync("data-protection:key-1", "<key id=\"1\" />");
        var second = await Store().AddAsync("data-protection:key-1", "<key id=\"other\" />");

        Assert.Equal((true, false), (first, second));
        Assert.Equal(["<key id=\"1\" />"], await Store().ValuesStartingWithAsync("data-protection:"));
    }

    [SkippableFact]
    public async Task ValuesStartingWith_TakesThePrefixOnly_NamesOfWildcardsIncluded()
    {
        await Store().AddAsync("data-protection:key-1", "a");
        await Store().AddAsync("data-protection:key-%_2", "b");
        await Store().AddAsync("data-protection;", "next name after the prefix");
        await Store().AddAsync("data-protection", "the prefix without its colon");
        await Store().AddAsync("DATA-PROTECTION:key-3", "other case");
        await Store().GetOrCreateAsync("answer-links");

        var values = await Store().ValuesStartingWithAsync("data-protection:");

        Assert.Equal(["a", "b"], values.Order(StringComparer.Ordinal));
    }
}
