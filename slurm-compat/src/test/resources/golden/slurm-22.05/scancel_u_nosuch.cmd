scancel -u nosuch
