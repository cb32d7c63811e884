sacct -X -n -P -o JobID -S midnight
