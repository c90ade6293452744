namespace Proposals.Tests.Reporting.Schedule;

/// <summary>A clock a test sets to Beijing time.</summary>
internal sealed class SettableClock(string beijingTime) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = At(beijingTime);

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

    public void Set(string beijingTime) => Now = At(beijingTime);

    /// <summary>"2019-10-08T09:00" in Asia/Shanghai (UTC+8, no daylight saving since 1991).</summary>
    public static DateTimeOffset At(string beijingTime) =>
        new(DateTime.Parse(beijingTime, global::System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(8));
}
