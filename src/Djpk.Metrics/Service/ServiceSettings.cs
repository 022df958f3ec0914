using System.Collections.Immutable;
using NodaTime;

namespace Djpk.Metrics.Service;

/// <summary>The conventions service metrics are computed under: the response target of each channel, the short-abandon threshold, the working-time calendar, the resolution of percentiles and the fewest satisfaction responses worth a figure.</summary>
/// <remarks>
/// Immutable: each <c>With…</c> method returns a new instance. <see cref="Default"/> has no targets (so no service
/// level), a short-abandon threshold of 5 seconds, no working-time calendar, percentiles to the second and 30
/// responses. A profile gives its own, such as DJPK's phone 20 s, live chat 60 s and e-mail one working day.
/// </remarks>
public sealed class ServiceSettings
{
    private ServiceSettings(ImmutableSortedDictionary<Channel, ServiceTarget> targets, Duration shortAbandon, WorkingTimeCalendar? workingTime, Duration resolution, int minResponses, int bits = DurationDistribution.DefaultSignificantBits)
    {
        SignificantBits = bits;
        Targets = targets;
        ShortAbandonThreshold = shortAbandon;
        WorkingTime = workingTime;
        Resolution = resolution;
        MinSatisfactionResponses = minResponses;
    }

    /// <summary>Gets the settings with no targets, a 5-second short-abandon threshold, no working-time calendar, one-second percentiles and 30 responses.</summary>
    public static ServiceSettings Default { get; } = new(ImmutableSortedDictionary<Channel, ServiceTarget>.Empty, Duration.FromSeconds(5), null, DurationDistribution.DefaultResolution, 30);

    /// <summary>Gets the response target of each channel that has one; a channel without a target has no service level.</summary>
    public ImmutableSortedDictionary<Channel, ServiceTarget> Targets { get; }

    /// <summary>Gets the threshold below which an abandoned contact is a short abandon (a misdial or an immediate hang-up), measured from arrival to end.</summary>
    public Duration ShortAbandonThreshold { get; }

    /// <summary>Gets the working-time calendar response times are also measured in, and working-time targets need; <see langword="null"/> for calendar time only.</summary>
    public WorkingTimeCalendar? WorkingTime { get; }

    /// <summary>Gets the unit durations are counted in for percentiles (see <see cref="DurationDistribution"/>).</summary>
    public Duration Resolution { get; }

    /// <summary>Gets the significant binary digits of a percentile bucket (see <see cref="DurationDistribution"/>).</summary>
    public int SignificantBits { get; }

    /// <summary>Gets the fewest satisfaction responses whose score is not flagged as resting on few responses.</summary>
    public int MinSatisfactionResponses { get; }

    /// <summary>Returns these settings with <paramref name="target"/> for <paramref name="channel"/>, replacing any it had.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="target">Its response target.</param>
    /// <returns>The new settings.</returns>
    /// <exception cref="ArgumentException"><paramref name="channel"/> is the default value.</exception>
    public ServiceSettings WithTarget(Channel channel, ServiceTarget target)
    {
        if (channel.IsDefault)
        {
            throw new ArgumentException("A target needs a channel with an id.", nameof(channel));
        }

        return new(Targets.SetItem(channel, target), ShortAbandonThreshold, WorkingTime, Resolution, MinSatisfactionResponses, SignificantBits);
    }

    /// <summary>Returns these settings with the short-abandon threshold <paramref name="threshold"/>.</summary>
    /// <param name="threshold">The threshold; zero counts no abandon as short.</param>
    /// <returns>The new settings.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is negative.</exception>
    public ServiceSettings WithShortAbandonThreshold(Duration threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, Duration.Zero);
        return new(Targets, threshold, WorkingTime, Resolution, MinSatisfactionResponses, SignificantBits);
    }

    /// <summary>Returns these settings with the working-time calendar <paramref name="calendar"/>.</summary>
    /// <param name="calendar">The office hours and holidays; <see langword="null"/> for calendar time only.</param>
    /// <returns>The new settings.</returns>
    public ServiceSettings WithWorkingTime(WorkingTimeCalendar? calendar) => new(Targets, ShortAbandonThreshold, calendar, Resolution, MinSatisfactionResponses, SignificantBits);

    /// <summary>Returns these settings with percentiles counted in units of <paramref name="resolution"/> and buckets of <paramref name="significantBits"/> binary digits.</summary>
    /// <param name="resolution">A positive whole number of ticks, such as one second.</param>
    /// <param name="significantBits">1 to <see cref="DurationDistribution.MaxSignificantBits"/>; 11 is within 0,1 %.</param>
    /// <returns>The new settings.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resolution"/> is not a positive whole number of ticks, or <paramref name="significantBits"/> is outside 1 to 16.</exception>
    public ServiceSettings WithResolution(Duration resolution, int significantBits = DurationDistribution.DefaultSignificantBits) =>
        new(Targets, ShortAbandonThreshold, WorkingTime, DurationDistribution.CheckResolution(resolution), MinSatisfactionResponses, DurationDistribution.CheckBits(significantBits));

    /// <summary>Returns these settings with <paramref name="responses"/> as the fewest satisfaction responses worth an unflagged figure.</summary>
    /// <param name="responses">1 or more.</param>
    /// <returns>The new settings.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="responses"/> is less than 1.</exception>
    public ServiceSettings WithMinSatisfactionResponses(int responses)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(responses, 1);
        return new(Targets, ShortAbandonThreshold, WorkingTime, Resolution, responses, SignificantBits);
    }
}
