scancel 52
