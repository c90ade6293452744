using System.Xml.Linq;
using Proposals.Storage;
using Proposals.Tests.Infrastructure;
using Proposals.Worker.Hosting.Auth;

namespace Proposals.Tests.Auth;

/// <summary>
/// Workers started together on a new ledger make one first key between them: the one that asks first
/// is told to make it, the others wait for it instead of making keys of their own.
/// </summary>
public sealed class LedgerKeyRingTests
{
    private static readonly XElement Key = XElement.Parse("<key id=\"0b6cbd3c-4dfa-4f51-9b55-6a8c0d0e3f11\" version=\"1\" />");

    [Fact]
    public async Task OnANewLedger_OneWorkerMakesTheFirstKey_AndTheOthersWaitForIt()
    {
        using var ledger = new TempLedger();
        var maker = new LedgerKeyRing(new SecretStore(ledger.Database));
        var waiter = new LedgerKeyRing(new SecretStore(ledger.Database));

        var makersView = maker.GetAllElements();
        var waiting = Task.Run(waiter.GetAllElements);
        await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromMilliseconds(300)));
        var stillWaiting = !waiting.IsCompleted;
        maker.StoreElement(Key, "key-0b6cbd3c-4dfa-4f51-9b55-6a8c0d0e3f11");
        var waitersView = await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(makersView);
        Assert.True(stillWaiting, "the second worker did not wait for the first worker's key");
        Assert.Equal(Key.ToString(), Assert.Single(waitersView).ToString());
    }

    [Fact]
    public void AWorkerThatNeverStoresItsKey_HoldsTheOthersUpOnlyForThePatience()
    {
        using var ledger = new TempLedger();
        new LedgerKeyRing(new SecretStore(ledger.Database)).GetAllElements();
        var other = new LedgerKeyRing(new SecretStore(ledger.Database), firstKeyPatience: TimeSpan.FromMilliseconds(300));

        Assert.Empty(other.GetAllElements());
    }

    [Fact]
    public void KeysAlreadyThere_AreReadAtOnce_WhoeverMadeThem()
    {
        using var ledger = new TempLedger();
        var first = new LedgerKeyRing(new SecretStore(ledger.Database));
        first.GetAllElements();
        first.StoreElement(Key, "key-0b6cbd3c-4dfa-4f51-9b55-6a8c0d0e3f11");

        var later = new LedgerKeyRing(new SecretStore(ledger.Database), firstKeyPatience: TimeSpan.FromHours(1));

        Assert.Single(later.GetAllElements());
    }
}
