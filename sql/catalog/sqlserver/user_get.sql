-- Email's column is case-insensitive (its collation), as SQLite's COLLATE NOCASE.
SELECT * FROM catalog.user_records WHERE (@Id IS NOT NULL AND UserId = @Id) OR (@Email IS NOT NULL AND Email = @Email);
