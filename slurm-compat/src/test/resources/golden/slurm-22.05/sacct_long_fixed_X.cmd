sacct -X -o JobID,JobIDRaw,JobName,Partition,Account,User,UID,State,ExitCode,Reason,Submit,Start,End,Elapsed,Timelimit,NNodes,NCPUS,AllocCPUS,NodeList,WorkDir -j 52,49,86,48,50,87,88,76
