sacct -X -n -P -o JobID,State -s F,TO -S today
