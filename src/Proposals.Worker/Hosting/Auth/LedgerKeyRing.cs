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
internal sealed class LedgerKeyRing(SecretStore secrets) : IXmlRepository
{
    /// <summary>The names the keys are kept under in the ledger's secrets, before the key's own name.</summary>
    public const string Prefix = "data-protection:";

    // The data-protection system asks synchronously, once at its first use and then about once a day;
    // the ledger's calls are asynchronous. Nothing here runs under a synchronization context.
    public IReadOnlyCollection<XElement> GetAllElements() =>
        secrets.ValuesStartingWithAsync(Prefix).GetAwaiter().GetResult().Select(xml => XElement.Parse(xml)).ToList();

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        secrets.AddAsync(Prefix + friendlyName, element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();
    }
}
