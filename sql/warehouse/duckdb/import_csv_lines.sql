read_csv($path, columns = {'line': 'VARCHAR'}, header = $header, delim = $delim, quote = $quote, encoding = $encoding, {errors})
