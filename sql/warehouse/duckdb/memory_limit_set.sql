-- {limit} is a size checked by WarehouseOptions.IsMemorySize (SET takes no parameters).
SET memory_limit = '{limit}';
