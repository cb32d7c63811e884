sacct -X -n -P -o JobID,State -s CA -S today -E now
