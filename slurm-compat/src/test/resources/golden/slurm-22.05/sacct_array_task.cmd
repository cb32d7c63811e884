sacct -j 69_1
