using System.Diagnostics;
using System.Numerics;

namespace Djpk.Metrics.Comparison;

/// <summary>Integer division with an exact rounding rule, and the conversion of scaled integers to decimals.</summary>
internal static class ExactQuotient
{
    private static readonly UInt128 DecimalMantissaLimit = UInt128.One << 96;

    /// <summary>Returns <paramref name="numerator"/> / <paramref name="denominator"/> rounded to an integer under <paramref name="rule"/>.</summary>
    public static T Round<T>(T numerator, T denominator, RoundingRule rule)
        where T : IBinaryInteger<T>
    {
        Debug.Assert(denominator > T.Zero, "The denominator must be positive.");
        (T quotient, T remainder) = T.DivRem(numerator, denominator); // truncates toward zero
        if (T.IsZero(remainder) || rule == RoundingRule.TowardZero)
        {
            return quotient;
        }

        T step = T.IsNegative(numerator) ? T.Zero - T.One : T.One;
        T twiceRemainder = T.Abs(remainder) * (T.One + T.One);
        int versusHalf = twiceRemainder.CompareTo(denominator);
        bool awayFromZero = versusHalf > 0
            || (versusHalf == 0 && (rule == RoundingRule.HalfAwayFromZero || !T.IsEvenInteger(quotient)));
        return awayFromZero ? quotient + step : quotient;
    }

    /// <summary>Returns <paramref name="scaled"/> · 10^−<paramref name="decimals"/> as a decimal with exactly that scale.</summary>
    /// <exception cref="OverflowException">The value does not fit in a <see cref="decimal"/>.</exception>
    public static decimal ToDecimal(Int128 scaled, int decimals)
    {
        Debug.Assert(decimals is >= 0 and <= Rounding.MaxDecimals, "The scale is validated by the caller.");
        bool negative = Int128.IsNegative(scaled);
        UInt128 magnitude = negative ? (UInt128)(-scaled) : (UInt128)scaled;
        if (magnitude >= DecimalMantissaLimit)
        {
            throw new OverflowException("The rounded value is too large for a decimal.");
        }

        int low = unchecked((int)(uint)magnitude);
        int middle = unchecked((int)(uint)(magnitude >> 32));
        int high = unchecked((int)(uint)(magnitude >> 64));
        return new decimal(low, middle, high, negative && magnitude != UInt128.Zero, (byte)decimals);
    }

    /// <summary>Returns <paramref name="scaled"/> · 10^−<paramref name="decimals"/> as a decimal with exactly that scale.</summary>
    /// <exception cref="OverflowException">The value does not fit in a <see cref="decimal"/>.</exception>
    public static decimal ToDecimal(BigInteger scaled, int decimals)
    {
        if (scaled < (BigInteger)Int128.MinValue || scaled > (BigInteger)Int128.MaxValue)
        {
            throw new OverflowException("The rounded value is too large for a decimal.");
        }

        return ToDecimal((Int128)scaled, decimals);
    }

    /// <summary>Returns 10^<paramref name="exponent"/>.</summary>
    public static Int128 PowerOfTen(int exponent)
    {
        Int128 result = Int128.One;
        for (int i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }
}
