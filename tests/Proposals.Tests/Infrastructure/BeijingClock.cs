using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace Proposals.Tests.Infrastructure;

/// <summary>
/// The suite's one fake clock is <see cref="FakeTimeProvider"/>; these set it in Beijing time
/// (Asia/Shanghai, UTC+8, no daylight saving since 1991), as the bureau reads its clock.
/// </summary>
internal static class BeijingClock
{
    /// <summary>A clock standing at <paramref name="local"/>, e.g. "2019-10-08T09:00".</summary>
    public static FakeTimeProvider At(string local) => new(Instant(local));

    /// <summary>Moves <paramref name="clock"/> to <paramref name="local"/>, forward or back.</summary>
    public static void Set(this FakeTimeProvider clock, string local)
    {
        ArgumentNullException.ThrowIfNull(clock);
        clock.SetUtcNow(Instant(local));
    }

    /// <summary>"2019-10-08T09:00" as an instant at +08:00.</summary>
    public static DateTimeOffset Instant(string local) =>
        new(DateTime.Parse(local, CultureInfo.InvariantCulture), TimeSpan.FromHours(8));
}
