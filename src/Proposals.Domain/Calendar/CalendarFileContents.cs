using System.Collections;

namespace Proposals.Domain.Calendar;

/// <summary>The two calendar file formats <see cref="CalendarFile.Parse(string, string)"/> reads.</summary>
public enum CalendarFileFormat
{
    /// <summary>This project's own format (<c>"format": "proposals-working-calendar"</c>), several years per file.</summary>
    Project,

    /// <summary>The community holiday-cn format: one year per file, a flat <c>days</c> list.</summary>
    HolidayCn,
}

/// <summary>
/// The schedules read from one calendar file, in year order, and the years the file names but
/// for which it holds no schedule yet (not yet published by the State Council): callers warn
/// about those instead of treating them as years without holidays.
/// </summary>
public sealed class CalendarFileContents : IReadOnlyList<YearSchedule>
{
    private readonly IReadOnlyList<YearSchedule> _schedules;

    internal CalendarFileContents(string sourceName, CalendarFileFormat format,
        IEnumerable<YearSchedule> schedules, IEnumerable<int> unpublishedYears)
    {
        SourceName = sourceName;
        Format = format;
        _schedules = schedules.OrderBy(s => s.Year).ToList();
        UnpublishedYears = unpublishedYears.Order().ToList();
        Years = _schedules.Select(s => s.Year).ToList();
    }

    /// <summary>The file the schedules were read from.</summary>
    public string SourceName { get; }

    /// <summary>The format the file was written in.</summary>
    public CalendarFileFormat Format { get; }

    /// <summary>Years the file names with no days at all: "not yet published"; no schedule is returned for them.</summary>
    public IReadOnlyList<int> UnpublishedYears { get; }

    /// <summary>The years that have a schedule in this file, in order.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>
    /// Refuses a schedule that gives no day off within its own year. Every State Council schedule
    /// does (元旦, 春节 ...): one listing only days of the December before is the previous year's
    /// file or a mislabelled one, and loading it would claim a year the calendar does not know.
    /// Checked when a file is loaded, not when stored years are read back.
    /// </summary>
    /// <exception cref="CalendarFileException">A schedule without a day off in its year.</exception>
    public CalendarFileContents RequireDaysOffInOwnYear()
    {
        foreach (var schedule in _schedules)
        {
            if (schedule.Days.Any(day => day.Key.Year == schedule.Year && day.Value.Kind == DayKind.Holiday)) continue;
            var listed = string.Join(", ", schedule.Days.Keys.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            throw new CalendarFileException(SourceName, $"{schedule.Year}",
                $"{schedule.Year}年没有放假日, 只列了 {listed}; 请检查文件的年份 (the {schedule.Year} schedule lists no day off in {schedule.Year}, only {listed}; check the file's year)");
        }
        return this;
    }

    /// <inheritdoc />
    public YearSchedule this[int index] => _schedules[index];

    /// <inheritdoc />
    public int Count => _schedules.Count;

    /// <inheritdoc />
    public IEnumerator<YearSchedule> GetEnumerator() => _schedules.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
