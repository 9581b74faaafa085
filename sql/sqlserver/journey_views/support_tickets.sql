-- journey.support_tickets: contacts with customer service, the journey's pain points (category: what went wrong),
-- from a service-desk fact (FactSupportTicket). A warehouse without one leaves this view and its query out.
CREATE OR ALTER VIEW journey.support_tickets AS
SELECT t.TicketKey                                               AS ticket_id,
       CAST(t.CustomerKey AS bigint)                             AS customer_id,
       t.OpenedAt                                                AS opened_at,
       LOWER(t.Channel)                                          AS channel,
       t.Category                                                AS category,
       CAST(COALESCE(t.WaitMinutes, 0) AS int)                   AS wait_minutes,
       t.IsResolved                                              AS resolved,
       t.ModifiedDate                                            AS modified_at
FROM dbo.FactSupportTicket AS t;
