squeue -u nosuch,99999
