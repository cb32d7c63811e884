scontrol show job 86
