using NodaTime;

namespace Djpk.Metrics.Service;

/// <summary>The running counts of one cell while a log is measured; becomes <see cref="ServiceFigures"/>. Not thread-safe.</summary>
internal sealed class ServiceAccumulator
{
    public ServiceCounts Counts;

    public ServiceAccumulator(Duration resolution, int significantBits, int minSatisfactionResponses)
    {
        Response = new DurationCounter(resolution, significantBits);
        WorkingResponse = new DurationCounter(resolution, significantBits);
        Handle = new DurationCounter(resolution, significantBits);
        MinSatisfactionResponses = minSatisfactionResponses;
    }

    public DurationCounter Response { get; }

    public DurationCounter WorkingResponse { get; }

    public DurationCounter Handle { get; }

    public int MinSatisfactionResponses { get; }

    public void Add(ServiceFigures f)
    {
        Counts.Add(f.Counts);
        Response.Add(f.ResponseTime);
        WorkingResponse.Add(f.WorkingResponseTime);
        Handle.Add(f.HandleTime);
    }

    public void Add(ServiceAccumulator a)
    {
        Counts.Add(a.Counts);
        Response.Add(a.Response);
        WorkingResponse.Add(a.WorkingResponse);
        Handle.Add(a.Handle);
    }
}
