SELECT * FROM user_records WHERE (@Id IS NOT NULL AND UserId = @Id) OR (@Email IS NOT NULL AND Email = @Email COLLATE NOCASE);
