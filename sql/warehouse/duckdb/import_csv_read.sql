read_csv($path, all_varchar = true, header = $header, delim = $delim, quote = $quote, encoding = $encoding,
         store_rejects = true, rejects_table = '{rejects}', rejects_scan = '{scan}')
