sacct -l -j 52
