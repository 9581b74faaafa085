SELECT DISTINCT action FROM catalog.audit_log ORDER BY action;
