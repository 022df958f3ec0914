using System.Globalization;
using NodaTime;

namespace Djpk.Metrics.InformationRequests;

/// <summary>A day off on the working-day calendar, with its name and kind.</summary>
/// <remarks>Immutable. The default value is 0001-01-01 with an empty name.</remarks>
public readonly record struct Holiday
{
    /// <summary>Creates a holiday.</summary>
    /// <param name="date">The day.</param>
    /// <param name="name">Its name, such as "Hari Raya Natal".</param>
    /// <param name="kind">A national holiday or a collective leave day.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not defined.</exception>
    public Holiday(LocalDate date, string name, HolidayKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "The kind must be one of the defined HolidayKind values.");
        }

        Date = date;
        Name = name;
        Kind = kind;
    }

    /// <summary>Gets the day.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the holiday's name.</summary>
    public string Name { get; }

    /// <summary>Gets whether it is a national holiday or a collective leave day.</summary>
    public HolidayKind Kind { get; }

    /// <summary>Returns the invariant text form, such as <c>2023-12-25 Hari Raya Natal (NationalHoliday)</c>.</summary>
    /// <returns>The date, name and kind.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Date:yyyy-MM-dd} {Name} ({Kind})");
}
