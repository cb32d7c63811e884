sacct -X -n -P -o JobID -S 11/27/26
