read_csv($path, columns = {'line': 'VARCHAR'}, header = $header, delim = $delim, quote = $quote, encoding = $encoding,
         store_rejects = true, rejects_table = '{rejects}', rejects_scan = '{scan}')
