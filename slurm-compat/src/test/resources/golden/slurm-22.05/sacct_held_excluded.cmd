sacct -X -n -P -o JobID,State -S today -E now -j 65,87,86
