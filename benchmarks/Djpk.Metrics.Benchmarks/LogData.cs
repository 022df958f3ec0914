using Djpk.Metrics.Testing;

namespace Djpk.Metrics.Benchmarks;

/// <summary>Synthetic logs shared by the benchmark classes of one process, built once per size from the fixed seed.</summary>
internal static class LogData
{
    private static readonly Dictionary<int, SyntheticLog> Logs = [];
    private static readonly Dictionary<int, Logs.InteractionLog> UnsortedLogs = [];

    public static Logs.InteractionLog Unsorted(int records)
    {
        lock (UnsortedLogs)
        {
            if (!UnsortedLogs.TryGetValue(records, out Logs.InteractionLog? log))
            {
                log = Get(records).Shuffled();
                UnsortedLogs.Add(records, log);
            }

            return log;
        }
    }

    public static SyntheticLog Get(int records)
    {
        lock (Logs)
        {
            if (!Logs.TryGetValue(records, out SyntheticLog? log))
            {
                log = SyntheticLog.Generate(records);
                Logs.Add(records, log);
            }

            return log;
        }
    }
}
