scancel -s USR1 86
