namespace Djpk.Metrics.Tests.Support;

/// <summary>Asserts the equality and hash contracts, operators included.</summary>
internal static class ContractAssert
{
    public static void Equality<T>(T value, T equal, T different)
        where T : IEquatable<T>
    {
        Assert.True(value.Equals(equal));
        Assert.True(value.Equals((object)equal));
        Assert.Equal(value.GetHashCode(), equal.GetHashCode());
        Assert.False(value.Equals(different));
        Assert.False(value.Equals((object?)null));
        Assert.True(EqualityComparer<T>.Default.Equals(value, equal));
        Assert.False(EqualityComparer<T>.Default.Equals(value, different));
    }
}
