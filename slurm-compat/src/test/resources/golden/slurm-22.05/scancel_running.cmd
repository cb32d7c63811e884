scancel 86
