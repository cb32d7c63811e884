sacct -j 52,49,86,48,50,87 -o JobID,JobName%30,State
