namespace Proposals.Domain.Calendar;

/// <summary>
/// A calendar file that cannot be read: says which file, where in it (a JSON path such as
/// <c>$.years[1].holidays[6].off[0]</c>, or a line) and why. The reasons are English; the message
/// says in Chinese first what kind of error it is, as every message to a person does.
/// </summary>
public sealed class CalendarFileException : Exception
{
    /// <summary>Creates the error for <paramref name="sourceName"/> at <paramref name="location"/>.</summary>
    public CalendarFileException(string sourceName, string location, string reason, Exception? inner = null)
        : base($"{sourceName}: {location}: 节假日文件有误 (calendar file error): {reason}", inner)
    {
        SourceName = sourceName;
        Location = location;
        Reason = reason;
    }

    /// <summary>The file (or other source) that was being read.</summary>
    public string SourceName { get; }

    /// <summary>Where in the file: a JSON path, possibly with the year and holiday it belongs to.</summary>
    public string Location { get; }

    /// <summary>What is wrong there.</summary>
    public string Reason { get; }
}
