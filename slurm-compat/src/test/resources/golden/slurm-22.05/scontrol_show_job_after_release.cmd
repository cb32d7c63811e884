scontrol show job 89
