sacct -P -o JobID,State,ExitCode,DerivedExitCode,Comment -j 52,49,86,48,50,87,51,94
