squeue -O JobID,Name,State,Reason,TimeLimit
