namespace Proposals.Domain.Calendar;

/// <summary>
/// The holiday schedules shipped inside the program (<c>Calendar/Data/china-working-calendar.json</c>,
/// embedded), so that a fresh install counts working days right for the years already published.
/// Later years are added by the user and stored elsewhere.
/// </summary>
public static class ShippedCalendar
{
    /// <summary>The embedded resource's name.</summary>
    public const string ResourceName = "Proposals.Calendar.china-working-calendar.json";

    private static readonly Lazy<CalendarFileContents> Contents = new(Read);

    /// <summary>The shipped schedules, in year order (read once, then cached).</summary>
    public static IReadOnlyList<YearSchedule> Load() => Contents.Value;

    /// <summary>The years with a shipped schedule, in order.</summary>
    public static IReadOnlyList<int> Years => Contents.Value.Years;

    /// <summary>The shipped file's text, for people who want to see or copy it.</summary>
    public static string ReadText()
    {
        using var reader = new StreamReader(OpenResource());
        return reader.ReadToEnd();
    }

    private static CalendarFileContents Read()
    {
        using var stream = OpenResource();
        return CalendarFile.Parse(stream, ResourceName);
    }

    private static Stream OpenResource() =>
        typeof(ShippedCalendar).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"The embedded calendar {ResourceName} is missing from {typeof(ShippedCalendar).Assembly.GetName().Name}.");
}
