sacct -X -n -P -o JobID,State -S now-1hour -E now
