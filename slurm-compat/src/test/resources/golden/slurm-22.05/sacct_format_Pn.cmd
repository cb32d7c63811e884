sacct -j 52,49,86,48,50,87 --format=jobid,state -P -n
