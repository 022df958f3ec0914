namespace Djpk.Metrics.Formatting;

/// <summary>The words a report uses for a change: "naik 44%", "meningkat 44%", "increased by 44%".</summary>
/// <remarks>
/// <para>Immutable. <see cref="Increase"/> and <see cref="Decrease"/> are templates whose <c>{percent}</c> placeholder
/// receives the formatted magnitude, such as "44%"; <see cref="FromZero"/> is written for an increase from zero, which
/// has no ratio; <see cref="Unchanged"/> for no change.</para>
/// <para>A report profile chooses its words once, and every caller writes changes through
/// <see cref="ReportFormatter.FormatChange"/> with them, so one report never says "naik" in one place and "meningkat" in another.</para>
/// </remarks>
public sealed class ChangeWords
{
    /// <summary>The placeholder that receives the formatted magnitude.</summary>
    public const string PercentPlaceholder = "{percent}";

    /// <summary>Creates the words of a change.</summary>
    /// <param name="increase">The template of an increase, such as "naik {percent}".</param>
    /// <param name="decrease">The template of a decrease, such as "turun {percent}".</param>
    /// <param name="unchanged">The words for no change, such as "tetap".</param>
    /// <param name="fromZero">The words for an increase from zero, such as "naik (dari 0)".</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An argument is blank, or <paramref name="increase"/> or <paramref name="decrease"/> lacks the <c>{percent}</c> placeholder.</exception>
    public ChangeWords(string increase, string decrease, string unchanged, string fromZero)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(increase);
        ArgumentException.ThrowIfNullOrWhiteSpace(decrease);
        ArgumentException.ThrowIfNullOrWhiteSpace(unchanged);
        ArgumentException.ThrowIfNullOrWhiteSpace(fromZero);
        if (!increase.Contains(PercentPlaceholder, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The increase template must contain {PercentPlaceholder}, such as \"naik {PercentPlaceholder}\".", nameof(increase));
        }

        if (!decrease.Contains(PercentPlaceholder, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The decrease template must contain {PercentPlaceholder}, such as \"turun {PercentPlaceholder}\".", nameof(decrease));
        }

        Increase = increase;
        Decrease = decrease;
        Unchanged = unchanged;
        FromZero = fromZero;
    }

    /// <summary>Gets the plain Indonesian words: "naik 44%", "turun 12%", "tetap", "naik (dari 0)".</summary>
    public static ChangeWords Indonesian { get; } = new("naik {percent}", "turun {percent}", "tetap", "naik (dari 0)");

    /// <summary>Gets the plain English words: "up 44%", "down 12%", "unchanged", "up (from 0)".</summary>
    public static ChangeWords English { get; } = new("up {percent}", "down {percent}", "unchanged", "up (from 0)");

    /// <summary>Gets the template of an increase.</summary>
    public string Increase { get; }

    /// <summary>Gets the template of a decrease.</summary>
    public string Decrease { get; }

    /// <summary>Gets the words for no change.</summary>
    public string Unchanged { get; }

    /// <summary>Gets the words for an increase from zero.</summary>
    public string FromZero { get; }

    /// <summary>Returns the increase template.</summary>
    /// <returns>The template, such as "naik {percent}".</returns>
    public override string ToString() => Increase;
}
