SELECT * FROM catalog.user_records ORDER BY Email OFFSET @Offset ROWS FETCH NEXT @Limit ROWS ONLY;
