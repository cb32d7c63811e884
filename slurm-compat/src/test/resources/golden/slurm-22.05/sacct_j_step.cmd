sacct -j 52.batch
