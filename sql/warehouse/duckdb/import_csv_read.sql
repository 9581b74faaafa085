read_csv($path, all_varchar = true, header = $header, delim = $delim, quote = $quote,
         store_rejects = true, rejects_table = '{rejects}', rejects_scan = '{scan}')
