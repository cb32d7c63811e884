scancel 999999 88
