read_csv($path, all_varchar = true, header = $header, delim = $delim, quote = $quote, encoding = $encoding, {errors})
