DELETE FROM catalog.users WHERE user_id = @Id;
