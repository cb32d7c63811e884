sacct -u nosuch -X
