namespace Djpk.Metrics.Service;

/// <summary>Which contacts a service level counts in its denominator: the three definitions contact-center products use.</summary>
/// <remarks>
/// <para>The numerator is always the contacts first answered within the channel's target. With A the answered contacts,
/// B the abandoned ones and S the abandoned ones that gave up within the short-abandon threshold:</para>
/// <list type="bullet">
/// <item><see cref="AnsweredOnly"/>: within target ÷ A; abandons do not count (Avaya CMS "% answered within service level").</item>
/// <item><see cref="AbandonedIncluded"/>: within target ÷ (A + B); every abandon counts as a miss (the strictest, Genesys Cloud's "service level" with abandons in the denominator).</item>
/// <item><see cref="ShortAbandonsExcluded"/>: within target ÷ (A + B − S); abandons that gave up before the threshold are not counted (Zendesk and Freshdesk-style short-abandon exclusion).</item>
/// </list>
/// </remarks>
public enum ServiceLevelDefinition
{
    /// <summary>Answered within target ÷ answered.</summary>
    AnsweredOnly = 0,

    /// <summary>Answered within target ÷ (answered + abandoned).</summary>
    AbandonedIncluded = 1,

    /// <summary>Answered within target ÷ (answered + abandoned − short abandons).</summary>
    ShortAbandonsExcluded = 2,
}
