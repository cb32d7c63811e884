scontrol show job 68
