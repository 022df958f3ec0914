using NodaTime;

namespace Djpk.Metrics.Social;

/// <summary>What one social-media account reported for the period ending on <see cref="Date"/>: followers, reach, posts, visits.</summary>
/// <remarks>
/// <para>Immutable. A figure the source did not report is <see langword="null"/>, never 0.</para>
/// <para><see cref="Followers"/> is a stock (the value on <see cref="Date"/>); <see cref="NewFollowers"/> and the post
/// counts are flows over the period; reach is a unique count (<see cref="AverageReach"/> keeps its number of posts).</para>
/// </remarks>
public sealed class SocialSnapshot
{
    /// <summary>Creates a snapshot.</summary>
    /// <param name="platform">The account's channel, such as DJPK's "instagram".</param>
    /// <param name="account">The account, such as "@ditjenpk".</param>
    /// <param name="date">The day the figures are as of (the period's last day).</param>
    /// <param name="followers">Followers on <paramref name="date"/>.</param>
    /// <param name="newFollowers">Followers gained during the period.</param>
    /// <param name="reach">Reach over the period's posts.</param>
    /// <param name="posts">Posts published during the period (feed and stories together).</param>
    /// <param name="feedPosts">Feed posts published during the period, where the platform tells them apart.</param>
    /// <param name="storyPosts">Stories published during the period, where the platform tells them apart.</param>
    /// <param name="contents">Content items published during the period, where the platform counts them so.</param>
    /// <param name="profileVisits">Profile visits during the period.</param>
    /// <param name="villageGovernmentFollowers">Village-government accounts among the followers on <paramref name="date"/>.</param>
    /// <param name="newVillageGovernmentFollowers">Village-government accounts that started following during the period.</param>
    /// <exception cref="ArgumentException"><paramref name="platform"/> is the default value, or <paramref name="account"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A figure is negative, or feed posts and stories add up to more than <paramref name="posts"/>.</exception>
    public SocialSnapshot(
        Channel platform,
        string account,
        LocalDate date,
        long? followers = null,
        long? newFollowers = null,
        AverageReach? reach = null,
        long? posts = null,
        long? feedPosts = null,
        long? storyPosts = null,
        long? contents = null,
        long? profileVisits = null,
        long? villageGovernmentFollowers = null,
        long? newVillageGovernmentFollowers = null)
    {
        if (platform.IsDefault)
        {
            throw new ArgumentException("A snapshot needs a platform channel.", nameof(platform));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        Platform = platform;
        Account = account;
        Date = date;
        Followers = NonNegative(followers, nameof(followers));
        NewFollowers = NonNegative(newFollowers, nameof(newFollowers));
        Reach = reach;
        Posts = NonNegative(posts, nameof(posts));
        FeedPosts = NonNegative(feedPosts, nameof(feedPosts));
        StoryPosts = NonNegative(storyPosts, nameof(storyPosts));
        if (posts is long total && (feedPosts ?? 0) + (storyPosts ?? 0) > total)
        {
            throw new ArgumentOutOfRangeException(nameof(posts), posts, "Feed posts and stories cannot add up to more than all posts.");
        }

        Contents = NonNegative(contents, nameof(contents));
        ProfileVisits = NonNegative(profileVisits, nameof(profileVisits));
        VillageGovernmentFollowers = NonNegative(villageGovernmentFollowers, nameof(villageGovernmentFollowers));
        NewVillageGovernmentFollowers = NonNegative(newVillageGovernmentFollowers, nameof(newVillageGovernmentFollowers));
    }

    /// <summary>Gets the account's channel.</summary>
    public Channel Platform { get; }

    /// <summary>Gets the account.</summary>
    public string Account { get; }

    /// <summary>Gets the day the figures are as of.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the followers on <see cref="Date"/> (a stock).</summary>
    public long? Followers { get; }

    /// <summary>Gets the followers gained during the period (a flow).</summary>
    public long? NewFollowers { get; }

    /// <summary>Gets the reach over the period's posts (a unique count, with its number of posts).</summary>
    public AverageReach? Reach { get; }

    /// <summary>Gets the posts published during the period.</summary>
    public long? Posts { get; }

    /// <summary>Gets the feed posts published during the period.</summary>
    public long? FeedPosts { get; }

    /// <summary>Gets the stories published during the period.</summary>
    public long? StoryPosts { get; }

    /// <summary>Gets the content items published during the period.</summary>
    public long? Contents { get; }

    /// <summary>Gets the profile visits during the period.</summary>
    public long? ProfileVisits { get; }

    /// <summary>Gets the village-government accounts among the followers on <see cref="Date"/>.</summary>
    public long? VillageGovernmentFollowers { get; }

    /// <summary>Gets the village-government accounts that started following during the period.</summary>
    public long? NewVillageGovernmentFollowers { get; }

    private static long? NonNegative(long? value, string name)
    {
        if (value is < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "A reported figure must not be negative.");
        }

        return value;
    }
}
