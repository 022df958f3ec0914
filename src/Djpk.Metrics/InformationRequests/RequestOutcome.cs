namespace Djpk.Metrics.InformationRequests;

/// <summary>How a public-information request was decided.</summary>
/// <remarks>The default value is <see cref="Pending"/>.</remarks>
public enum RequestOutcome
{
    /// <summary>Not decided yet.</summary>
    Pending = 0,

    /// <summary>The information was given in full.</summary>
    GrantedInFull = 1,

    /// <summary>Part of the information was given.</summary>
    GrantedInPart = 2,

    /// <summary>The request was rejected, with a reason.</summary>
    Rejected = 3,
}
