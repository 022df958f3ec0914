using System.Collections.Immutable;
using NodaTime;

namespace Djpk.Metrics.InformationRequests;

/// <summary>A public-information request to the PPID under Law 14/2008: what was asked, by whom, for what, and how it was decided.</summary>
/// <remarks>
/// Immutable. The answer is due within <see cref="ResponseWorkingDays"/> working days of receipt, or
/// <see cref="ResponseWorkingDays"/> + <see cref="ExtensionWorkingDays"/> when the PPID extended the period.
/// </remarks>
public sealed class InformationRequest
{
    /// <summary>The working days the PPID has to answer (Law 14/2008, article 22(7)).</summary>
    public const int ResponseWorkingDays = 10;

    /// <summary>The working days by which the period may be extended once (Law 14/2008, article 22(8)).</summary>
    public const int ExtensionWorkingDays = 7;

    /// <summary>Creates a request.</summary>
    /// <param name="id">The request's registration number.</param>
    /// <param name="received">The day it was received.</param>
    /// <param name="purpose">Its purpose, such as "penelitian".</param>
    /// <param name="dataRequested">The data asked for, such as "Data anggaran dan realisasi APBD".</param>
    /// <param name="outcome">How it was decided.</param>
    /// <param name="decided">The day it was decided; required unless pending.</param>
    /// <param name="rejectionReason">Why it was rejected; required when rejected.</param>
    /// <param name="extended">Whether the answer period was extended.</param>
    /// <param name="segment">The requester's user segment, when known.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataRequested"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A text is blank, or the outcome, decision day and reason do not fit together, or the decision precedes receipt.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcome"/> is not defined.</exception>
    public InformationRequest(
        string id,
        LocalDate received,
        string purpose,
        IEnumerable<string> dataRequested,
        RequestOutcome outcome = RequestOutcome.Pending,
        LocalDate? decided = null,
        string? rejectionReason = null,
        bool extended = false,
        UserSegment? segment = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        ArgumentNullException.ThrowIfNull(dataRequested);
        if (!Enum.IsDefined(outcome))
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "The outcome must be one of the defined RequestOutcome values.");
        }

        if ((outcome == RequestOutcome.Pending) != (decided is null))
        {
            throw new ArgumentException("A request has a decision day exactly when it is no longer pending.", nameof(decided));
        }

        if (decided < received)
        {
            throw new ArgumentException("A request cannot be decided before it was received.", nameof(decided));
        }

        if ((outcome == RequestOutcome.Rejected) != !string.IsNullOrWhiteSpace(rejectionReason))
        {
            throw new ArgumentException("A rejected request states its reason, and only a rejected one.", nameof(rejectionReason));
        }

        Id = id;
        Received = received;
        Purpose = purpose.Trim();
        DataRequested = [.. dataRequested];
        Outcome = outcome;
        Decided = decided;
        RejectionReason = rejectionReason;
        Extended = extended;
        Segment = segment;
    }

    /// <summary>Gets the registration number.</summary>
    public string Id { get; }

    /// <summary>Gets the day the request was received.</summary>
    public LocalDate Received { get; }

    /// <summary>Gets the purpose, such as "penelitian".</summary>
    public string Purpose { get; }

    /// <summary>Gets the data asked for.</summary>
    public ImmutableArray<string> DataRequested { get; }

    /// <summary>Gets how the request was decided.</summary>
    public RequestOutcome Outcome { get; }

    /// <summary>Gets the day it was decided; <see langword="null"/> while pending.</summary>
    public LocalDate? Decided { get; }

    /// <summary>Gets why it was rejected; <see langword="null"/> unless rejected.</summary>
    public string? RejectionReason { get; }

    /// <summary>Gets a value indicating whether the answer period was extended by <see cref="ExtensionWorkingDays"/> working days.</summary>
    public bool Extended { get; }

    /// <summary>Gets the requester's user segment, when known.</summary>
    public UserSegment? Segment { get; }

    /// <summary>Returns the last day the answer is due on.</summary>
    /// <param name="calendar">The working days.</param>
    /// <returns>The day <see cref="ResponseWorkingDays"/> (plus <see cref="ExtensionWorkingDays"/> if extended) working days after receipt.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The period leaves the calendar's years.</exception>
    public LocalDate Deadline(WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(Received, ResponseWorkingDays + (Extended ? ExtensionWorkingDays : 0));
    }

    /// <summary>Finds the last day the answer is due on, when <paramref name="calendar"/> covers the answer period.</summary>
    /// <param name="calendar">The working days.</param>
    /// <param name="deadline">Set to the day <see cref="ResponseWorkingDays"/> (plus <see cref="ExtensionWorkingDays"/> if extended) working days after receipt; the default date when the method returns <see langword="false"/>.</param>
    /// <returns><see langword="true"/> when the calendar covers the period; <see langword="false"/> when it leaves the calendar's years.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is <see langword="null"/>.</exception>
    public bool TryGetDeadline(WorkingDayCalendar calendar, out LocalDate deadline)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.TryAddWorkingDays(Received, ResponseWorkingDays + (Extended ? ExtensionWorkingDays : 0), out deadline);
    }

    /// <summary>Returns whether the request was decided by its deadline.</summary>
    /// <param name="calendar">The working days.</param>
    /// <returns><see langword="true"/> or <see langword="false"/>; <see langword="null"/> while pending.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The period leaves the calendar's years.</exception>
    public bool? IsOnTime(WorkingDayCalendar calendar) => Decided is LocalDate decided ? decided <= Deadline(calendar) : null;
}
