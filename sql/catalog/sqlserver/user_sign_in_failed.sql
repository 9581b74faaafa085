-- One more failure; at the limit the account locks for a while and the count starts again.
UPDATE catalog.users SET
    failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= @Limit THEN 0 ELSE failed_sign_ins + 1 END,
    locked_until = CASE WHEN failed_sign_ins + 1 >= @Limit THEN @LockedUntil ELSE locked_until END
OUTPUT inserted.locked_until
WHERE user_id = @Id;
