sacct -s bogus
