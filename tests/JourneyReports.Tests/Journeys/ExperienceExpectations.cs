namespace JourneyReports.Tests;

/// <summary>
/// The experience families' hand-built week (Mon 2 to Sun 8 Nov 2026, UTC) and what they must return on it, worked out
/// in the comments: shared by ExperienceMetricsTests (DuckDB) and DirectQueryMetricTests (SQL Server).
/// </summary>
public static class ExperienceExpectations
{
    public const string FixtureSql = """
            INSERT INTO customers VALUES
              (1, 'Planner', 'consumer', 'London',   '2026-01-01', 'web'),
              (2, 'Regular', 'vip',      'Scotland', '2026-01-01', 'store'),
              (3, 'Planner', 'consumer', 'Wales',    '2026-01-01', 'social');
            INSERT INTO surveys VALUES
              (1, 1, '2026-11-03 10:00', 'purchase',  'web',   10,   5,    NULL, NULL),
              (2, 2, '2026-11-04 10:00', 'purchase',  'store',  6,   3,    NULL, NULL),
              (3, 3, '2026-11-05 10:00', 'purchase',  'web',    9,   4,    NULL, NULL),
              (4, 1, '2026-11-06 10:00', 'decision',  'web',   NULL, 2,    6,    NULL),
              (5, 2, '2026-11-07 10:00', 'decision',  'app',   NULL, 1,    7,    NULL),
              (6, 3, '2026-11-10 10:00', 'decision',  'web',   NULL, 5,    1,    'after the week'),
              (7, 3, '2026-11-08 13:00', 'retention', 'email', NULL, 2,    2,    NULL);
            -- Ticket 1 is before the week: not in the volume, but it precedes answer 1 by 4 days.
            INSERT INTO support_tickets VALUES
              (1, 1, '2026-10-30 09:00', 'email',       'late delivery',  30, true),
              (2, 2, '2026-11-04 09:00', 'call_center', 'late delivery',  10, true),
              (3, 2, '2026-11-06 12:00', 'live_chat',   'payment failed', 75, false),
              (4, 3, '2026-11-08 12:00', 'email',       'late delivery',   2, true);
            """;

    /// <summary>PainPointsAsync(Week, within 7 days) on the fixture.</summary>
    public static void WeekPainPoints(IReadOnlyList<JourneyMetrics.PainPoint> points)
    {
        // volume in the week: late delivery tickets 2 and 4 (customers 2, 3); payment failed ticket 3
        Assert.Equal(new[] { ("late delivery", 2L, 2L), ("payment failed", 1L, 1L) }, points.Select(p => (p.Category, p.Tickets, p.Customers)));
        // after late delivery (7 days): answer 1 (ticket 1, 4 days before), 2 and 5 (ticket 2), 7 (ticket 4).
        // Answer 4 is 7 days and 1 hour after ticket 1, so it has no ticket: the baseline is answers 3 and 4.
        var late = points[0];
        Assert.Equal(4, late.Answers);
        Assert.Equal(0.0, late.Nps!.Value, 6);          // NPS 10, 6 -> 1 promoter, 1 detractor
        Assert.Equal(25.0, late.Csat!.Value, 6);        // CSAT 5, 3, 1, 2 -> 1 of 4
        Assert.Equal(2, late.BaselineAnswers);
        Assert.Equal(100.0, late.BaselineNps!.Value, 6); // answer 3's 9
        Assert.Equal(50.0, late.BaselineCsat!.Value, 6); // 4 and 2
        Assert.Equal(-100.0, late.NpsEffect!.Value, 6);
        Assert.Equal(-25.0, late.CsatEffect!.Value, 6);
        // after payment failed: answer 5 only (CSAT 1, no NPS)
        Assert.Equal(1, points[1].Answers);
        Assert.Null(points[1].Nps);
        Assert.Equal(0.0, points[1].Csat!.Value, 6);
    }
}
