scancel
