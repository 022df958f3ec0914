namespace Djpk.Metrics.Comparison;

/// <summary>Says whether a value went up, went down or stayed the same between two periods.</summary>
/// <remarks>Always defined, even when the relative change is not (a change from zero). The default value is <see cref="Unchanged"/>.</remarks>
public enum ChangeDirection
{
    /// <summary>The current value equals the previous one.</summary>
    Unchanged = 0,

    /// <summary>The current value is greater than the previous one.</summary>
    Increase = 1,

    /// <summary>The current value is less than the previous one.</summary>
    Decrease = 2,
}
