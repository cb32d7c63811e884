sacct -j 999999
