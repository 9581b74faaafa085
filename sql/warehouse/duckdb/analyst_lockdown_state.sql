-- Whether analyst_lockdown.sql holds for the open database (it may have been run on another of its connections).
SELECT
    current_setting('lock_configuration')::BOOLEAN             AS Locked,
    current_setting('enable_external_access')::BOOLEAN         AS ExternalAccess,
    current_setting('autoinstall_known_extensions')::BOOLEAN   AS Autoinstall,
    current_setting('autoload_known_extensions')::BOOLEAN      AS Autoload
