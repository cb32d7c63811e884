scancel 89
