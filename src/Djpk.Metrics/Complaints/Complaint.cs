using NodaTime;

namespace Djpk.Metrics.Complaints;

/// <summary>A complaint: its category, when it was received and, once resolved, when.</summary>
/// <remarks>Immutable.</remarks>
public sealed class Complaint
{
    /// <summary>Creates a complaint.</summary>
    /// <param name="id">Its registration number.</param>
    /// <param name="category">Its category.</param>
    /// <param name="received">The day it was received.</param>
    /// <param name="resolved">The day it was resolved; <see langword="null"/> while open.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank, <paramref name="category"/> is the default value, or <paramref name="resolved"/> precedes <paramref name="received"/>.</exception>
    public Complaint(string id, ComplaintCategory category, LocalDate received, LocalDate? resolved = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (category.IsDefault)
        {
            throw new ArgumentException("The category must have an id, such as new ComplaintCategory(\"pengaduan\").", nameof(category));
        }

        if (resolved < received)
        {
            throw new ArgumentException("A complaint cannot be resolved before it was received.", nameof(resolved));
        }

        Id = id;
        Category = category;
        Received = received;
        Resolved = resolved;
    }

    /// <summary>Gets the registration number.</summary>
    public string Id { get; }

    /// <summary>Gets the category.</summary>
    public ComplaintCategory Category { get; }

    /// <summary>Gets the day it was received.</summary>
    public LocalDate Received { get; }

    /// <summary>Gets the day it was resolved; <see langword="null"/> while open.</summary>
    public LocalDate? Resolved { get; }
}
