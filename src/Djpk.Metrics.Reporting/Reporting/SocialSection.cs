using Djpk.Metrics.Comparison;
using Djpk.Metrics.Periods;
using Djpk.Metrics.Social;

namespace Djpk.Metrics.Reporting;

/// <summary>One social-media account in the monthly report: its month-end snapshot and its followers over the year.</summary>
/// <remarks>Immutable.</remarks>
public sealed class SocialSection
{
    internal SocialSection(ChannelInfo info, string account, SocialSnapshot? snapshot, FollowerSeries followers, ReportingPeriod month)
    {
        Info = info;
        Account = account;
        Snapshot = snapshot;
        Followers = followers;
        Month = month;
    }

    /// <summary>Gets the platform and its names.</summary>
    public ChannelInfo Info { get; }

    /// <summary>Gets the account.</summary>
    public string Account { get; }

    /// <summary>Gets the latest snapshot within the report's month, or <see langword="null"/> when there is none.</summary>
    public SocialSnapshot? Snapshot { get; }

    /// <summary>Gets the followers at each month's end, from January to the report's month.</summary>
    public FollowerSeries Followers { get; }

    /// <summary>Gets the growth of followers from the end of January to the end of the report's month.</summary>
    public PercentChange? GrowthSinceJanuary => Followers.Growth(Followers.Periods.First, Month);

    private ReportingPeriod Month { get; }
}
