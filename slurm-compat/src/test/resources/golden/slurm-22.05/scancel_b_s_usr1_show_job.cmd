scontrol show job 94
