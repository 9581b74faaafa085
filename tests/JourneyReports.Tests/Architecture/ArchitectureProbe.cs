// A deliberate violation for DependencyDirectionTests to find: a numbers part that draws.
namespace JourneyReports.Tests.ArchitectureProbe.Rendering
{
    public sealed class ProbeChart;
}

namespace JourneyReports.Tests.ArchitectureProbe.Journeys
{
    public static class ProbeMetric
    {
        public static object Draw() => new Rendering.ProbeChart();
    }
}
