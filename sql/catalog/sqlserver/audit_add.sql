INSERT INTO catalog.audit_log (at, actor, action, target, detail, address) VALUES (@At, @Actor, @Action, @Target, @Detail, @Address);
