scontrol show job 91
