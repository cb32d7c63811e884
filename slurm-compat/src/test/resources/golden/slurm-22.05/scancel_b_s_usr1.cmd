scancel -b -s USR1 94
