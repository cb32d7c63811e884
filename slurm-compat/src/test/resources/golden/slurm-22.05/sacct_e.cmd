sacct -e
