namespace Djpk.Metrics.Comparison;

/// <summary>Applies a <see cref="RoundingRule"/> to values that are already exact decimals.</summary>
/// <remarks>
/// Changes and shares round from their integer parts (see <see cref="PercentChange.ToPercent"/>), which is exact at
/// any precision; this type serves values that arrive as decimals, such as a figure stated in a report.
/// </remarks>
public static class Rounding
{
    /// <summary>The largest number of decimals a published percentage may have.</summary>
    public const int MaxDecimals = 10;

    /// <summary>Rounds <paramref name="value"/> to <paramref name="decimals"/> places under <paramref name="rule"/>.</summary>
    /// <returns>The rounded value, whose scale is exactly <paramref name="decimals"/> (so 12 at one decimal is 12,0).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is not 0 to <see cref="MaxDecimals"/>, or <paramref name="rule"/> is not defined.</exception>
    public static decimal Round(decimal value, int decimals, RoundingRule rule)
    {
        ValidateDecimals(decimals);
        MidpointRounding mode = ToMidpointRounding(rule);
        decimal rounded = Math.Round(value, decimals, mode);
        return rounded + ZeroWithScale(decimals); // adding 0 at that scale pads 12 to 12,0 and keeps the value
    }

    /// <summary>Returns the convention that rounds each value under <paramref name="rule"/>.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The matching <see cref="RoundingConvention"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rule"/> is not defined.</exception>
    public static RoundingConvention ToRoundingConvention(RoundingRule rule) => rule switch
    {
        RoundingRule.HalfAwayFromZero => RoundingConvention.HalfAwayFromZero,
        RoundingRule.HalfToEven => RoundingConvention.HalfToEven,
        RoundingRule.TowardZero => RoundingConvention.TowardZero,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "The rule must be one of the defined RoundingRule values."),
    };

    /// <summary>Tries to return the rule a convention rounds each value with; largest-remainder allocation has none.</summary>
    /// <param name="convention">The convention.</param>
    /// <param name="rule">The rule, when the convention rounds value by value.</param>
    /// <returns><see langword="false"/> for <see cref="RoundingConvention.LargestRemainder"/> and undefined values.</returns>
    public static bool TryGetRule(RoundingConvention convention, out RoundingRule rule)
    {
        (bool found, rule) = convention switch
        {
            RoundingConvention.HalfAwayFromZero => (true, RoundingRule.HalfAwayFromZero),
            RoundingConvention.HalfToEven => (true, RoundingRule.HalfToEven),
            RoundingConvention.TowardZero => (true, RoundingRule.TowardZero),
            _ => (false, default),
        };
        return found;
    }

    /// <summary>Returns the <see cref="MidpointRounding"/> mode that <see cref="Math.Round(decimal, int, MidpointRounding)"/> uses for <paramref name="rule"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rule"/> is not defined.</exception>
    public static MidpointRounding ToMidpointRounding(RoundingRule rule) => rule switch
    {
        RoundingRule.HalfAwayFromZero => MidpointRounding.AwayFromZero,
        RoundingRule.HalfToEven => MidpointRounding.ToEven,
        RoundingRule.TowardZero => MidpointRounding.ToZero,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "The rounding rule must be one of the defined RoundingRule values."),
    };

    internal static void ValidateDecimals(int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, MaxDecimals);
    }

    internal static void ValidateRule(RoundingRule rule)
    {
        if (!Enum.IsDefined(rule))
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule, "The rounding rule must be one of the defined RoundingRule values.");
        }
    }

    private static decimal ZeroWithScale(int decimals) => new(0, 0, 0, false, (byte)decimals);
}
