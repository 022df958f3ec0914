using Djpk.Metrics.Logs;
using Djpk.Metrics.Periods;
using NodaTime;

namespace Djpk.Metrics.Service;

/// <summary>Counts repeat contacts: users who came back, on any channel, within a number of days.</summary>
/// <remarks>
/// <para>The rule: a user counts for a period when they have a contact in it (the period's instants in the calendar's zone),
/// and repeats when another of their contacts, on any channel, follows one of their contacts in the period by more than zero
/// and at most <c>days</c> × 24 hours. The later contact may fall after the period, so the rate of a month is final once the
/// log reaches <c>days</c> past its end. Computable from user and time alone, for every log.</para>
/// </remarks>
public static class RepeatContacts
{
    /// <summary>The default window: 7 days.</summary>
    public const int DefaultDays = 7;

    /// <summary>Returns the repeat-contact rate of <paramref name="period"/>.</summary>
    /// <param name="log">The log.</param>
    /// <param name="calendar">The calendar whose zone defines the period's instants.</param>
    /// <param name="period">The period.</param>
    /// <param name="days">The window in days, 1 or more.</param>
    /// <returns>The rate, with its numerator and denominator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> or <paramref name="calendar"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is less than 1.</exception>
    public static RepeatContactRate Of(InteractionLog log, ReportingCalendar calendar, ReportingPeriod period, int days = DefaultDays)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        Duration window = Duration.FromDays(days);
        var byUser = new Dictionary<UserKey, List<Instant>>();
        foreach (Consultation record in log)
        {
            if (!byUser.TryGetValue(record.User, out List<Instant>? times))
            {
                byUser[record.User] = times = [];
            }

            times.Add(record.Timestamp);
        }

        long users = 0, repeating = 0;
        foreach (List<Instant> times in byUser.Values)
        {
            times.Sort();
            bool inPeriod = false, repeats = false;
            for (int i = 0; i < times.Count; i++)
            {
                if (calendar.PeriodOf(times[i], period.Grain) != period)
                {
                    continue;
                }

                inPeriod = true;
                int next = i + 1;
                while (next < times.Count && times[next] == times[i])
                {
                    next++; // a second record at the same instant is the same contact, not a return
                }

                if (next < times.Count && times[next] - times[i] <= window)
                {
                    repeats = true;
                    break;
                }
            }

            users += inPeriod ? 1 : 0;
            repeating += repeats ? 1 : 0;
        }

        return new RepeatContactRate(period, days, users, repeating);
    }
}
