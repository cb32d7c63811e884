scontrol show job 62
