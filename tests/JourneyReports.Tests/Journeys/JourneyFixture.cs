namespace JourneyReports.Tests;

/// <summary>
/// A hand-built week (Mon 2 to Sun 8 Nov 2026, UTC) for the journey metric families, with a little history before it.
/// The tests' expected numbers are worked out from the comments here.
/// </summary>
public static class JourneyFixture
{
    public static readonly ReportPeriod Week = ReportPeriod.Days(new(2026, 11, 2), new(2026, 11, 8), TimeZoneInfo.Utc);

    public static Task<TempWarehouse> OpenAsync() => TempWarehouse.SeededAsync(Sql);

    public const string Sql = """
        INSERT INTO customers VALUES
          (1, 'Planner', 'consumer', 'London',   '2026-01-01', 'web'),
          (3, 'Regular', 'vip',      'Scotland', '2026-01-01', 'store'),
          (4, 'Planner', 'consumer', 'Wales',    '2026-01-01', 'social');
        INSERT INTO products VALUES (10, 'Kettle', 'Kitchen', 'Home', 30), (11, 'Lamp', 'Lighting', 'Home', 20),
                                    (12, 'Phone', 'Phones', 'Electronics', 300), (13, 'Cable', 'Cables', 'Electronics', 10);
        -- a-1 was stitched to customer 1 at signup; a-2, a-5 and a-7 stay anonymous.
        INSERT INTO identities VALUES ('a-1', 1, '2026-11-02 09:30');
        INSERT INTO events VALUES
          -- A (customer 1): every stage up to retention, in order. Awareness by email, then social.
          (16, '2026-11-02 08:00', NULL, 'a-1', 's0', 'email',  'mobile',    'email_click',    NULL),
          (1,  '2026-11-02 09:00', NULL, 'a-1', 's1', 'social', 'mobile',    'ad_click',       NULL),
          (2,  '2026-11-02 09:05', NULL, 'a-1', 's1', 'web',    'mobile',    'product_view',   10),
          (3,  '2026-11-03 20:00', 1,    'a-1', 's2', 'web',    'desktop',   'add_to_cart',    10),
          (4,  '2026-11-03 20:10', 1,    'a-1', 's2', 'web',    'desktop',   'purchase',       NULL),
          (15, '2026-11-05 09:00', 1,    'a-1', 's3', 'web',    'desktop',   'order_tracking', NULL),
          -- B (anonymous): awareness, consideration a minute later
          (5,  '2026-11-04 10:00', NULL, 'a-2', 's4', 'email',  'mobile',    'email_click',    NULL),
          (6,  '2026-11-04 10:01', NULL, 'a-2', 's4', 'web',    'mobile',    'product_view',   11),
          -- C (customer 3): consideration and a store purchase but no awareness; an app view the week before
          (17, '2026-10-30 10:00', 3,    'a-3', 's5', 'app',    'mobile',    'product_view',   12),
          (7,  '2026-11-05 12:00', 3,    'a-3', 's6', 'web',    'desktop',   'product_view',   12),
          (8,  '2026-11-06 15:00', 3,    'a-3', 's7', 'store',  'in_person', 'purchase',       NULL),
          -- D (customer 4): awareness, then decision skipping consideration
          (9,  '2026-11-07 08:00', 4,    'a-4', 's8', 'web',    'tablet',    'landing_view',   NULL),
          (10, '2026-11-07 08:10', 4,    'a-4', 's8', 'web',    'tablet',    'add_to_cart',    13),
          -- E (anonymous): consideration before awareness
          (11, '2026-11-08 11:00', NULL, 'a-5', 's9', 'web',    'mobile',    'product_view',   10),
          (12, '2026-11-08 11:30', NULL, 'a-5', 's9', 'social', 'mobile',    'ad_click',       NULL),
          -- outside the week: a-6 the Monday after, a-7 the Sunday before
          (13, '2026-11-09 00:00', NULL, 'a-6', 'sa', 'web',    'mobile',    'landing_view',   NULL),
          (14, '2026-11-01 23:59', NULL, 'a-7', 'sb', 'web',    'mobile',    'landing_view',   NULL);
        INSERT INTO orders VALUES
          (97,  4, '2026-10-02 12:00', 'web',   'completed',  60.00, NULL, NULL, false),
          (98,  3, '2026-09-10 12:00', 'store', 'completed',  40.00, NULL, NULL, false),
          (100, 1, '2026-11-03 20:10', 'web',   'completed', 120.00, '2026-11-06', '2026-11-05', false),
          (101, 3, '2026-11-06 15:00', 'store', 'completed',  30.00, '2026-11-06', '2026-11-06', false),
          (102, 3, '2026-11-09 10:00', 'store', 'completed', 999.00, NULL, NULL, false);
        -- order 100: a kettle (Home) for 100 and two cables (Electronics) for 20; 101: a phone (Electronics) for 30
        INSERT INTO order_lines VALUES (97, 1, 11, 1, 60.00, 0), (98, 1, 12, 1, 40.00, 0),
          (100, 1, 10, 1, 100.00, 0), (100, 2, 13, 2, 10.00, 0), (101, 1, 12, 1, 30.00, 0), (102, 1, 12, 1, 999.00, 0);
        -- In the week: NPS 10, 9, 8, 3 -> (2 - 1) / 4 = +25; CSAT 5, 5, 4, 1 -> 3 of 4 are 4-5; CES (2+4+3+7)/4 = 4.
        INSERT INTO surveys VALUES
          (1, 1, '2026-11-05 09:00', 'purchase',  'web',          10, 5, 2, NULL),
          (2, 3, '2026-11-06 16:00', 'purchase',  'store',         9, 5, 4, NULL),
          (3, 4, '2026-11-07 09:00', 'decision',  'web',           8, 4, 3, NULL),
          (4, NULL, '2026-11-08 09:00', 'retention', 'call_center', 3, 1, 7, 'waited ages');
        """;
}
