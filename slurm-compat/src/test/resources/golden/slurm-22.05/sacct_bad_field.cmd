sacct -o JobID,Bogus
