using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Proposals.Storage;

namespace Proposals.Worker.Hosting.Auth;

/// <summary>
/// The keys that sign the session cookie and the forms' antiforgery tokens, kept in the ledger's
/// secrets: every worker on one ledger reads the same keys, so a coordinator signed in through one
/// worker stays signed in on any other behind the same address, and through a restart. The default
/// (a folder in the user's home) would give each machine keys of its own.
/// </summary>
internal sealed class LedgerKeyRing(SecretStore secrets, TimeSpan? firstKeyPatience = null) : IXmlRepository
{
    /// <summary>The names the keys are kept under in the ledger's secrets, before the key's own name.</summary>
    public const string Prefix = "data-protection:";

    /// <summary>Who makes the ledger's first key: the worker that records this name first (outside <see cref="Prefix"/>).</summary>
    public const string FirstKeyMaker = "data-protection-first-key";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private readonly TimeSpan _firstKeyPatience = firstKeyPatience ?? TimeSpan.FromSeconds(10);

    // The data-protection system asks synchronously, once at its first use and then about once a day;
    // the ledger's calls are asynchronous. Nothing here runs under a synchronization context.
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var keys = Read();
        if (keys.Count > 0 || secrets.AddAsync(FirstKeyMaker, Lease.Process).GetAwaiter().GetResult()) return keys;
        // Workers started together on a new ledger would each make a key of their own and keep using it
        // for a day, refusing the others' sessions. Only the worker that recorded its name first makes
        // one (the empty answer above tells it to); the others wait for that key. After the patience,
        // a worker that never stored its key is taken as gone, and this one makes its own.
        for (var waited = TimeSpan.Zero; keys.Count == 0 && waited < _firstKeyPatience; waited += Poll)
        {
            Thread.Sleep(Poll);
            keys = Read();
        }
        return keys;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        secrets.AddAsync(Prefix + friendlyName, element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();
    }

    private List<XElement> Read() =>
        secrets.ValuesStartingWithAsync(Prefix).GetAwaiter().GetResult().Select(xml => XElement.Parse(xml)).ToList();
}
