sacct -X -n -P -o JobID -S 2020-01-01 -E 2020-01-02
