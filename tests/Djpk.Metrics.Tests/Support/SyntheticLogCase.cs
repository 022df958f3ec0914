using Djpk.Metrics.Logs;
using Djpk.Metrics.Testing;

namespace Djpk.Metrics.Tests.Support;

/// <summary>Small synthetic logs shared by tests (built once).</summary>
public sealed class SyntheticLogCase
{
    private static readonly Lazy<SyntheticLogCase> SmallCase = new(() => new SyntheticLogCase(SyntheticLog.Generate(20_000, userCount: 3_000, topicCount: 40)));

    private SyntheticLogCase(SyntheticLog data) => Data = data;

    public static SyntheticLogCase Small => SmallCase.Value;

    public SyntheticLog Data { get; }

    public InteractionLog Log => Data.Log;
}
