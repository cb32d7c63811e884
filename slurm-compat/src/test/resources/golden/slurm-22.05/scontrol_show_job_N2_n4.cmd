scontrol show job 76
