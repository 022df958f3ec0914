using Djpk.Metrics.Periods;

namespace Djpk.Metrics.Service;

/// <summary>One cell of a <see cref="ServiceCube"/>: a period, the breakdown key if any, and its figures.</summary>
/// <remarks>Immutable. Of <see cref="Channel"/>, <see cref="Segment"/>, <see cref="Topic"/> and <see cref="Agent"/> only the one of the cube's breakdown is set; under <see cref="ServiceBreakdown.Agent"/>, <see cref="Agent"/> is <see langword="null"/> for the contacts without an agent.</remarks>
/// <param name="Period">The period.</param>
/// <param name="Channel">The channel, under <see cref="ServiceBreakdown.Channel"/>.</param>
/// <param name="Segment">The segment, under <see cref="ServiceBreakdown.Segment"/>.</param>
/// <param name="Topic">The topic, under <see cref="ServiceBreakdown.Topic"/>.</param>
/// <param name="Agent">The agent, under <see cref="ServiceBreakdown.Agent"/>.</param>
/// <param name="Figures">The figures.</param>
public sealed record ServiceCell(ReportingPeriod Period, Channel? Channel, UserSegment? Segment, Topic? Topic, AgentKey? Agent, ServiceFigures Figures);
