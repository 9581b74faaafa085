-- journey.events: the web and app touchpoints, from a clickstream fact (FactWebEvent: one row per page view, search,
-- add to cart, ... as most web-analytics exports land in a warehouse). event_type must be one of the stage map's event
-- types (appsettings Journey:StageMap: landing_view, product_view, search, add_to_cart, checkout_start, purchase, ...);
-- map yours here or in the refresh mapping ("map", as device is there). EventTime is in the zone the refresh mapping
-- names ("timeZone"); anonymous visitors have no CustomerKey yet (see journey.identities).
CREATE OR ALTER VIEW journey.events AS
SELECT e.WebEventKey                                             AS event_id,
       e.EventTime                                               AS occurred_at,
       CAST(e.CustomerKey AS bigint)                             AS customer_id,
       e.AnonymousId                                             AS anonymous_id,
       e.SessionId                                               AS session_id,
       LOWER(e.Channel)                                          AS channel,
       e.DeviceType                                              AS device,
       LOWER(e.EventType)                                        AS event_type,
       CAST(e.ProductKey AS bigint)                              AS product_id,
       e.ModifiedDate                                            AS modified_at
FROM dbo.FactWebEvent AS e;
