sacct -X -n -P -o JobID -S 2099-01-01
