-- Per connection: the configured mapping of event types to journey stages (JourneyReports:Journey:StageMap).
CREATE OR REPLACE TEMP TABLE journey_stage_map (
    event_type   VARCHAR PRIMARY KEY,
    stage        VARCHAR NOT NULL,
    stage_order  INTEGER NOT NULL
);
