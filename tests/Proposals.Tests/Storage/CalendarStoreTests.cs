using Proposals.Domain.Calendar;
using Proposals.Storage;
using static Proposals.Tests.Infrastructure.Items;

namespace Proposals.Tests.Storage;

public abstract class CalendarStoreTests<TProvider> : StorageTestBase<TProvider> where TProvider : LedgerProvider, new()
{
    private CalendarStore Store => new(Database);

    [SkippableFact]
    public async Task Save_ReadsBackTheYear_AndASecondSaveReplacesIt()
    {
        var shipped = ShippedCalendar.Load().Single(s => s.Year == 2019);
        // The same year without the working Sunday of 29 September.
        var corrected = shipped with { Days = shipped.Days.Where(d => d.Key != D("2019-09-29")).ToDictionary() };

        await Store.SaveAsync([shipped]);
        var first = new WorkingCalendar(await Store.AllAsync());
        await Store.SaveAsync([corrected]);
        var stored = await Store.AllAsync();
        var second = new WorkingCalendar(stored);

        Assert.Equal(2019, Assert.Single(stored).Year);
        Assert.True(first.IsWorkingDay(D("2019-09-29")));
        Assert.False(second.IsWorkingDay(D("2019-09-29")));
        Assert.False(second.IsWorkingDay(D("2019-10-07")));
        Assert.True(second.IsWorkingDay(D("2019-10-12")));
    }
}
