scontrol show job 48
