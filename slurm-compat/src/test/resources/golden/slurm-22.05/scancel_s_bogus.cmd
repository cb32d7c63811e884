scancel -s BOGUS 86
