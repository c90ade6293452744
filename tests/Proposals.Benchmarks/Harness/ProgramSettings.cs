using System.Globalization;
using Proposals.Benchmarks.Bare;

namespace Proposals.Benchmarks.Harness;

/// <summary>
/// The program's settings as environment variables, the names appsettings.sample.json documents
/// (':' written '__'), as a deployment gives them.
/// </summary>
internal static class ProgramSettings
{
    /// <summary>The ledger in <paramref name="database"/>; mail written as files into <c>outbox</c> under the working directory.</summary>
    public static Dictionary<string, string> Ledger(RawDatabase database) => new(StringComparer.Ordinal)
    {
        ["Storage__Provider"] = database.Provider,
        ["ConnectionStrings__Proposals"] = database.ConnectionString,
        ["Mail__Transport"] = "pickup",
        ["Mail__PickupDirectory"] = Outbox,
    };

    /// <summary>The pickup folder, relative to the operation's working directory.</summary>
    public const string Outbox = "outbox";

    /// <summary>Mail through plain SMTP to 127.0.0.1:<paramref name="port"/> (smtp4dev).</summary>
    public static Dictionary<string, string> WithSmtp(this Dictionary<string, string> settings, int port)
    {
        settings["Mail__Transport"] = "smtp";
        settings["Mail__Smtp__Host"] = "127.0.0.1";
        settings["Mail__Smtp__Port"] = port.ToString(CultureInfo.InvariantCulture);
        settings["Mail__Smtp__Security"] = "None";
        return settings;
    }

    /// <summary>One email per reminder (Reminders:Grouping item), for timing the sending path message by message.</summary>
    public static Dictionary<string, string> OneEmailPerReminder(this Dictionary<string, string> settings)
    {
        settings["Reminders__Grouping"] = "item";
        return settings;
    }

    /// <summary>
    /// The dashboard on 127.0.0.1:<paramref name="port"/>, and working hours of one minute after
    /// midnight: the worker then neither sweeps nor sends while its pages are timed, which would
    /// otherwise depend on the hour of the run (its start-up catch-up sweep runs in working hours only).
    /// </summary>
    public static Dictionary<string, string> WithQuietDashboard(this Dictionary<string, string> settings, int port)
    {
        settings["Dashboard__Urls"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        settings["Reminders__WorkingHoursFrom"] = "00:00";
        settings["Reminders__WorkingHoursUntil"] = "00:01";
        settings["Reminders__SweepAt"] = "00:00";
        return settings;
    }

    /// <summary>A free TCP port on 127.0.0.1.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
