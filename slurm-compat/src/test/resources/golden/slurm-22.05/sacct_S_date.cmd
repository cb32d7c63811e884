sacct -X -n -P -o JobID -S 2026-11-27
