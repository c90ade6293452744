namespace Proposals.Domain.Calendar;

/// <summary>
/// The State Council's schedule for one year: the holidays and the declared working weekend days.
/// Days not listed follow the week: Monday to Friday work, Saturday and Sunday off.
/// <see cref="RegulationEstimate.For"/> gives one too, for a year not yet published: days off only.
/// </summary>
/// <param name="Year">The year the schedule was published for.</param>
/// <param name="Days">The listed dates. A schedule may list late-December days of the year before.</param>
/// <param name="Source">Where the facts come from (the notice's title and number), for people.</param>
public sealed record YearSchedule(int Year, IReadOnlyDictionary<DateOnly, ScheduledDay> Days, string Source);

/// <summary>One listed date in a <see cref="YearSchedule"/>.</summary>
/// <param name="Kind">Holiday or working weekend day.</param>
/// <param name="Name">The holiday it belongs to (国庆节, 春节 ...).</param>
public sealed record ScheduledDay(DayKind Kind, string Name);
