scancel -v 52
