scontrol show job 49
