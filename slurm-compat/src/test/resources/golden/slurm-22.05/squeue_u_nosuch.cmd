squeue -u nosuchuser
