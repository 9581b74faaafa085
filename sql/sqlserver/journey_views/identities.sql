-- journey.identities: which anonymous visitor became which customer, and when: the first event of the visitor that
-- carries a CustomerKey (a sign-in or a purchase). The model then counts their earlier anonymous events as theirs.
CREATE OR ALTER VIEW journey.identities AS
SELECT e.AnonymousId                                             AS anonymous_id,
       CAST(MIN(e.CustomerKey) AS bigint)                        AS customer_id,
       MIN(e.EventTime)                                          AS stitched_at,
       MAX(e.ModifiedDate)                                       AS modified_at
FROM dbo.FactWebEvent AS e
WHERE e.CustomerKey IS NOT NULL
GROUP BY e.AnonymousId;
