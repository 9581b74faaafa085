SELECT count(*) AS Users, count(*) FILTER (WHERE role = 'admin' AND disabled = 0) AS Admins FROM users;
