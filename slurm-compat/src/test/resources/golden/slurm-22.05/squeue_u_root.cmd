squeue -u root
