-- journey.surveys: survey answers about a journey stage and touchpoint (NPS 0-10, CSAT 1-5, CES 1-7; each may be
-- missing), from a survey fact (FactCustomerSurvey). JourneyStage must be one of the model's stages (awareness,
-- consideration, decision, purchase, retention, advocacy). A warehouse without surveys leaves this view out.
CREATE OR ALTER VIEW journey.surveys AS
SELECT s.SurveyKey                                               AS survey_id,
       CAST(s.CustomerKey AS bigint)                             AS customer_id,
       s.AnsweredAt                                              AS answered_at,
       LOWER(s.JourneyStage)                                     AS stage,
       LOWER(s.Touchpoint)                                       AS touchpoint,
       CAST(s.Nps AS int)                                        AS nps,
       CAST(s.Csat AS int)                                       AS csat,
       CAST(s.Ces AS int)                                        AS ces,
       s.Comment                                                 AS comment,
       s.ModifiedDate                                            AS modified_at
FROM dbo.FactCustomerSurvey AS s;
