-- One more failure; at the limit the account locks for a while and the count starts again.
UPDATE users SET
    failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= @Limit THEN 0 ELSE failed_sign_ins + 1 END,
    locked_until = CASE WHEN failed_sign_ins + 1 >= @Limit THEN @LockedUntil ELSE locked_until END
WHERE user_id = @Id
RETURNING locked_until;
