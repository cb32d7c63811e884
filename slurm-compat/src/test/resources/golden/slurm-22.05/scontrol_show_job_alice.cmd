scontrol show job 74
