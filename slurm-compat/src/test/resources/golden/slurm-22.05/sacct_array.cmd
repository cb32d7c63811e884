sacct -j 69
