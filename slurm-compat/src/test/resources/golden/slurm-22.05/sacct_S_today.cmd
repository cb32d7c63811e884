sacct -X -n -P -o JobID -S today
