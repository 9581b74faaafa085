namespace JourneyReports.Warehouse;

public static partial class DemoGenerator
{
    /// <summary>
    /// A visitor who never signs up: one to three short visits on one device, awareness and a little consideration,
    /// occasionally an abandoned cart. The paid-social campaign brings a wave of them from social ads.
    /// </summary>
    static void SimulateAnonymous(DemoRun run, int seed, long index)
    {
        var r = new Random(DemoRandom.Mix(seed, 2, index));
        var v = new DemoVisitor(r, DemoPersona.Anonymous, 0);
        v.DeviceFor(v.Persona.Device.Next(r), run.Writer);
        var day = run.Calendar.SampleAcquisitionDay(r);
        var source = run.Calendar.InCampaign(day) && r.Chance(0.75) ? "social" : null;
        var visits = r.NextDouble() switch { < 0.65 => 1, < 0.9 => 2, _ => 3 };
        var t = DemoCalendar.TimeOn(r, day);
        for (var i = 0; i < visits && run.Writer.InRange(t); i++)
        {
            var outcome = Session(run, v, t, DemoIntent.NoBuy, i == 0 ? source : null);
            t = DemoCalendar.TimeOn(r, DemoCalendar.DayOf(outcome.End.AddDays(1 + r.Exp(4))));
        }
    }
}
