sacct -j 52
