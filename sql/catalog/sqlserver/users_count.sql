SELECT count_big(*) AS Users, count_big(CASE WHEN role = N'admin' AND disabled = 0 THEN 1 END) AS Admins FROM catalog.users;
