sacct -X -n -P -o JobID,State -j 86,89
