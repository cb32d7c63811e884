sacct -S bogus
