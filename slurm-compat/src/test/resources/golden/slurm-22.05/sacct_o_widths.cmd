sacct -j 52,49,86,48,50,87 -o JobID%-20,State%5,ExitCode%3
